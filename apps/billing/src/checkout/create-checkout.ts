import { newId, payments, randomToken } from "@switchyard/db";
import type { BillingDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { quoteFee } from "../fees.ts";
import { ensureStripeCustomer } from "./customer.ts";

export interface CheckoutRequest {
  orgId: string;
  amountCents: number;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutResponse {
  url: string;
  sessionId: string;
  feeCents: number;
  totalCents: number;
}

/**
 * A Stripe Checkout Session for a credit purchase (credits + fee line items, card saved for
 * off-session auto top-up) and its pending payment row; without Stripe, a dev session instead.
 */
export async function createCheckout(deps: BillingDeps, input: CheckoutRequest): Promise<CheckoutResponse> {
  const quote = quoteFee(input.amountCents, deps.fees);
  const base = {
    orgId: input.orgId,
    amountCents: quote.totalCents,
    creditNanos: quote.creditNanos,
    feeNanos: quote.feeNanos,
  };
  if (deps.stripe === null) {
    const sessionId = `dev_cs_${randomToken()}`;
    await deps.db
      .insert(payments)
      .values({ id: newId("pay"), kind: "dev", stripeCheckoutSessionId: sessionId, ...base });
    deps.devCheckouts.set(sessionId, { successUrl: input.successUrl, cancelUrl: input.cancelUrl });
    const url = new URL(`/dev/checkout/${sessionId}`, deps.publicUrl).toString();
    return { url, sessionId, feeCents: quote.feeCents, totalCents: quote.totalCents };
  }
  const customer = await ensureStripeCustomer(deps.db, deps.stripe, input.orgId);
  const session = await deps.stripe.checkout.sessions.create({
    mode: "payment",
    customer,
    client_reference_id: input.orgId,
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: "usd",
          unit_amount: quote.creditCents,
          product_data: { name: "Switchyard credits" },
        },
      },
      {
        quantity: 1,
        price_data: {
          currency: "usd",
          unit_amount: quote.feeCents,
          product_data: { name: "Payment processing fee" },
        },
      },
    ],
    metadata: {
      orgId: input.orgId,
      creditCents: String(quote.creditCents),
      feeCents: String(quote.feeCents),
    },
    payment_intent_data: { setup_future_usage: "off_session", metadata: { orgId: input.orgId } },
  });
  if (!session.url)
    throw new ApiError("checkout_unavailable", "Stripe returned no checkout URL", 502, "api_error");
  await deps.db
    .insert(payments)
    .values({ id: newId("pay"), kind: "checkout", stripeCheckoutSessionId: session.id, ...base })
    .onConflictDoNothing();
  return { url: session.url, sessionId: session.id, feeCents: quote.feeCents, totalCents: quote.totalCents };
}
