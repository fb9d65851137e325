"use client";

import { useActionState, useState } from "react";
import { Button } from "../../../components/ui/button.tsx";
import { Field, FormMessage, Input } from "../../../components/ui/field.tsx";
import type { CreatedKey } from "../../../lib/keys/create-key.ts";
import type { ActionResult } from "../../../lib/service.ts";
import { createKeyAction } from "./actions.ts";

function SecretOnce({ created }: { created: CreatedKey }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950/60"
      data-testid="new-key"
    >
      <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
        Key “{created.name}” created. Copy it now: it will not be shown again.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <code
          data-testid="new-key-secret"
          className="block flex-1 break-all rounded-md bg-white px-3 py-2 font-mono text-xs text-zinc-900 ring-1 ring-emerald-200 dark:bg-zinc-950 dark:text-zinc-100 dark:ring-emerald-900"
        >
          {created.secret}
        </code>
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(created.secret);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

export function CreateKeyForm() {
  const [state, formAction, pending] = useActionState<ActionResult<CreatedKey> | null, FormData>(
    createKeyAction,
    null,
  );
  return (
    <div className="space-y-4">
      {state?.ok ? <SecretOnce key={state.data.id} created={state.data} /> : <FormMessage result={state} />}
      <form action={formAction} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Name" htmlFor="key-name">
          <Input id="key-name" name="name" placeholder="production" required maxLength={80} />
        </Field>
        <Field label="Credit limit ($)" htmlFor="key-limit" hint="Optional lifetime cap.">
          <Input id="key-limit" name="creditLimit" inputMode="decimal" placeholder="No limit" />
        </Field>
        <Field label="Rate limit (req/min)" htmlFor="key-rate" hint="Optional.">
          <Input id="key-rate" name="rateLimit" inputMode="numeric" placeholder="Default" />
        </Field>
        <Field label="Expires on" htmlFor="key-expiry" hint="Optional, UTC end of day.">
          <Input id="key-expiry" name="expiresOn" type="date" />
        </Field>
        <div className="sm:col-span-2 lg:col-span-4">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create key"}
          </Button>
        </div>
      </form>
    </div>
  );
}
