import { checkMembership } from "../authz/check.ts";
import { PERMISSIONS } from "../authz/permissions.ts";
import { UserError } from "../errors.ts";
import { dollarsToCents } from "../format/parse-money.ts";
import type { Scope, ServiceDeps } from "../service.ts";
import type { AutoTopup, CheckoutSession, FeeQuote } from "./client.ts";

export const MIN_PURCHASE_CENTS = 500;
export const MAX_PURCHASE_CENTS = 1_000_000;

function purchaseCents(amountDollars: string): number {
  const cents = dollarsToCents(amountDollars);
  if (cents < MIN_PURCHASE_CENTS || cents > MAX_PURCHASE_CENTS) {
    throw new UserError(
      `Buy between $${MIN_PURCHASE_CENTS / 100} and $${(MAX_PURCHASE_CENTS / 100).toLocaleString("en-US")}.`,
    );
  }
  return cents;
}

/** Starts a credit purchase (admin): returns the checkout URL the browser goes to. */
export async function startCheckout(
  deps: ServiceDeps,
  scope: Scope,
  input: { amountDollars: string; returnUrl: string },
): Promise<CheckoutSession> {
  const { orgId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.buyCredits);
  const amountCents = purchaseCents(input.amountDollars);
  const successUrl = `${input.returnUrl}?purchase=success`;
  const cancelUrl = `${input.returnUrl}?purchase=cancelled`;
  return deps.billing.createCheckout({ orgId, amountCents, successUrl, cancelUrl });
}

/** Fee preview for the buy form (any member). */
export async function quotePurchase(
  deps: ServiceDeps,
  scope: Scope,
  amountDollars: string,
): Promise<FeeQuote & { amountCents: number }> {
  await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.viewBilling);
  const amountCents = purchaseCents(amountDollars);
  return { amountCents, ...(await deps.billing.quoteFees(amountCents)) };
}

/** Saves auto top-up settings (admin). */
export async function saveAutoTopup(
  deps: ServiceDeps,
  scope: Scope,
  input: { enabled: boolean; thresholdDollars: string; amountDollars: string },
): Promise<AutoTopup> {
  const { orgId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageAutoTopup);
  const thresholdCents = dollarsToCents(input.thresholdDollars, "Threshold");
  const amountCents = purchaseCents(input.amountDollars);
  if (input.enabled && thresholdCents <= 0)
    throw new UserError("Set a threshold above $0 to enable auto top-up.");
  return deps.billing.putAutoTopup(orgId, { enabled: input.enabled, thresholdCents, amountCents });
}
