"use client";

import { centsToDollarString } from "@switchyard/config/money";
import { useActionState } from "react";
import { Button } from "../../../components/ui/button.tsx";
import { Checkbox, Field, FormMessage, Input } from "../../../components/ui/field.tsx";
import type { AutoTopup } from "../../../lib/billing/client.ts";
import type { ActionResult } from "../../../lib/service.ts";
import { saveAutoTopupAction } from "./actions.ts";

export function AutoTopupForm({ current, canEdit }: { current: AutoTopup | null; canEdit: boolean }) {
  const [state, formAction, pending] = useActionState<ActionResult<AutoTopup> | null, FormData>(
    saveAutoTopupAction,
    null,
  );
  const settings = state?.ok ? state.data : current;
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage result={state} />
      {settings?.lastError ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-300">
          Last attempt failed: {settings.lastError}
        </p>
      ) : null}
      <Checkbox
        name="enabled"
        label="Enable auto top-up"
        description="Charge the saved card when the balance drops below the threshold."
        defaultChecked={settings?.enabled ?? false}
        disabled={!canEdit}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="When balance falls below ($)" htmlFor="topup-threshold">
          <Input
            id="topup-threshold"
            name="threshold"
            inputMode="decimal"
            defaultValue={centsToDollarString(settings?.thresholdCents || 500)}
            disabled={!canEdit}
          />
        </Field>
        <Field label="Add this much ($)" htmlFor="topup-amount">
          <Input
            id="topup-amount"
            name="amount"
            inputMode="decimal"
            defaultValue={centsToDollarString(settings?.amountCents || 2500)}
            disabled={!canEdit}
          />
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={!canEdit || pending}>
        {pending ? "Saving…" : "Save auto top-up"}
      </Button>
    </form>
  );
}
