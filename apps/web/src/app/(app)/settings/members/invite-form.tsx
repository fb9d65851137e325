"use client";

import { useActionState } from "react";
import { Button } from "../../../../components/ui/button.tsx";
import { Field, FormMessage, Input, Select } from "../../../../components/ui/field.tsx";
import type { ActionResult } from "../../../../lib/service.ts";
import { inviteAction } from "./actions.ts";

export function InviteForm({ canInviteOwner }: { canInviteOwner: boolean }) {
  const [state, formAction, pending] = useActionState<
    ActionResult<{ url: string; email: string }> | null,
    FormData
  >(inviteAction, null);
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm dark:border-emerald-900 dark:bg-emerald-950/60">
          <p className="font-medium text-emerald-900 dark:text-emerald-200">
            Invite created for {state.data.email}. Send them this link (email delivery is off in dev):
          </p>
          <code
            className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-zinc-950"
            data-testid="invite-link"
          >
            {state.data.url}
          </code>
        </div>
      ) : (
        <FormMessage result={state} />
      )}
      <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <Field label="Email" htmlFor="invite-email">
          <Input id="invite-email" name="email" type="email" required placeholder="teammate@company.com" />
        </Field>
        <Field label="Role" htmlFor="invite-role">
          <Select id="invite-role" name="role" defaultValue="member">
            <option value="member">Member</option>
            <option value="admin">Admin</option>
            {canInviteOwner ? <option value="owner">Owner</option> : null}
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
    </div>
  );
}
