"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { env } from "../../../env.ts";
import { actionScope } from "../../../lib/authz.ts";
import type { AutoTopup, FeeQuote } from "../../../lib/billing/client.ts";
import { quotePurchase, saveAutoTopup, startCheckout } from "../../../lib/billing/service.ts";
import { formText, runAction } from "../../../lib/run-action.ts";
import { serverDeps } from "../../../lib/server-deps.ts";
import type { ActionResult } from "../../../lib/service.ts";

export async function quoteAction(
  amountDollars: string,
): Promise<ActionResult<FeeQuote & { amountCents: number }>> {
  return runAction(async () => quotePurchase(serverDeps(), await actionScope(), amountDollars));
}

/** Creates the checkout session and sends the browser to it (the dev payment page in dev). */
export async function buyCreditsAction(
  _previous: ActionResult<undefined> | null,
  form: FormData,
): Promise<ActionResult<undefined>> {
  const result = await runAction(async () =>
    startCheckout(serverDeps(), await actionScope(), {
      amountDollars: formText(form, "amount"),
      returnUrl: `${env().NEXTAUTH_URL.replace(/\/$/, "")}/credits`,
    }),
  );
  if (!result.ok) return result;
  redirect(result.data.url);
}

export async function saveAutoTopupAction(
  _previous: ActionResult<AutoTopup> | null,
  form: FormData,
): Promise<ActionResult<AutoTopup>> {
  const result = await runAction(
    async () =>
      saveAutoTopup(serverDeps(), await actionScope(), {
        enabled: form.get("enabled") === "on",
        thresholdDollars: formText(form, "threshold"),
        amountDollars: formText(form, "amount"),
      }),
    "Auto top-up saved.",
  );
  revalidatePath("/credits");
  return result;
}
