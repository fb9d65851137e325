import { z } from "zod";

/**
 * One verified Stripe webhook event. jobId = eventId, so a redelivered webhook is enqueued once.
 * `payload` is the full event object as Stripe sent it (already signature-checked).
 */
export const stripeEventJobSchema = z.object({
  eventId: z.string().min(1),
  type: z.string().min(1),
  payload: z.unknown(),
});

export type StripeEventJob = z.infer<typeof stripeEventJobSchema>;
