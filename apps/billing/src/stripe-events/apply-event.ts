import { UnrecoverableError } from "bullmq";
import type { EventContext } from "../deps.ts";
import { applyCheckoutCompleted } from "./checkout-completed.ts";
import { applyChargeRefunded, applyDisputeCreated } from "./claw-back.ts";
import { chargeSchema, checkoutSessionSchema, disputeSchema, eventEnvelopeSchema } from "./schemas.ts";

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: unknown } },
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UnrecoverableError(`malformed ${what}`);
  return result.data;
}

/** Applies one verified Stripe event. Idempotent: every ledger write is keyed by Stripe object ids. */
export async function applyStripeEvent(ctx: EventContext, payload: unknown): Promise<"applied" | "ignored"> {
  const event = parse(eventEnvelopeSchema, payload, "event");
  const object = event.data.object;
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      await applyCheckoutCompleted(ctx, parse(checkoutSessionSchema, object, "checkout session"));
      return "applied";
    case "charge.refunded":
      await applyChargeRefunded(ctx, parse(chargeSchema, object, "charge"));
      return "applied";
    case "charge.dispute.created":
      await applyDisputeCreated(ctx, parse(disputeSchema, object, "dispute"));
      return "applied";
    default:
      ctx.logger.info({ eventId: event.id, type: event.type }, "stripe event ignored");
      return "ignored";
  }
}
