import { Hono } from "hono";
import type { BillingDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";

/**
 * Verifies the signature over the raw body, enqueues the event with jobId = event id and answers
 * 200 at once; the worker applies it. A bad signature changes nothing.
 */
export function stripeWebhookRoute(deps: BillingDeps) {
  return new Hono().post("/stripe/webhook", async (c) => {
    if (deps.stripe === null || deps.webhookSecret === null) {
      throw new ApiError(
        "stripe_not_configured",
        "Stripe webhooks are not configured",
        404,
        "not_found_error",
      );
    }
    const raw = await c.req.text();
    const signature = c.req.header("stripe-signature") ?? "";
    let event: { id: string; type: string };
    try {
      event = deps.stripe.webhooks.constructEvent(raw, signature, deps.webhookSecret);
    } catch {
      throw new ApiError("invalid_signature", "Webhook signature verification failed", 400);
    }
    await deps.submitStripeEvent({
      eventId: event.id,
      type: event.type,
      payload: JSON.parse(raw) as unknown,
    });
    return c.json({ received: true });
  });
}
