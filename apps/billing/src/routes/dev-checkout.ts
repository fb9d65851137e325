import { formatUsd } from "@switchyard/config";
import { payments } from "@switchyard/db";
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { html } from "hono/html";
import { payDevCheckout } from "../checkout/dev-pay.ts";
import type { BillingDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";

/** Development payment page (no STRIPE_SECRET_KEY): credits instantly, no real money. */
export function devCheckoutRoute(deps: BillingDeps) {
  return new Hono()
    .get("/dev/checkout/:id", async (c) => {
      const id = c.req.param("id");
      const [payment] = await deps.db
        .select()
        .from(payments)
        .where(and(eq(payments.stripeCheckoutSessionId, id), eq(payments.kind, "dev")));
      if (!payment) throw new ApiError("checkout_not_found", "No such development checkout", 404);
      const cancel = deps.devCheckouts.get(id)?.cancelUrl ?? deps.publicUrl;
      return c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>DEVELOPMENT PAYMENT PAGE — no real money</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto">
  <p style="background:#fde68a;border:2px solid #b45309;padding:1rem;font-weight:bold">
    DEVELOPMENT PAYMENT PAGE — no real money. Stripe is not configured on this server.
  </p>
  <h1>Buy ${formatUsd(payment.creditNanos)} of credits</h1>
  <p>Fee ${formatUsd(payment.feeNanos)} · total ${formatUsd(BigInt(payment.amountCents) * 10_000_000n)}</p>
  <p>Status: ${payment.status}</p>
  <form method="post" action="/dev/checkout/${id}/pay"><button type="submit">Pay (development)</button></form>
  <p><a href="${cancel}">Cancel</a></p>
</body></html>`);
    })
    .post("/dev/checkout/:id/pay", async (c) => {
      const id = c.req.param("id");
      await payDevCheckout(deps, id);
      const target = deps.devCheckouts.get(id)?.successUrl ?? deps.publicUrl;
      return c.redirect(target, 303);
    });
}
