import { QUEUE_NAMES, type StripeEventJob } from "@switchyard/queue";
import type { Queue } from "bullmq";
import type { EventContext } from "../deps.ts";
import { stripeEventJobOptions } from "../workers/stripe-events-worker.ts";
import { applyStripeEvent } from "./apply-event.ts";

/** Production: enqueue with jobId = event id (a redelivered webhook is enqueued once). */
export function enqueueStripeEvents(queue: Queue, retryDelayMs?: number) {
  return async (job: StripeEventJob): Promise<void> => {
    await queue.add(QUEUE_NAMES.stripeEvents, job, stripeEventJobOptions(job.eventId, retryDelayMs));
  };
}

/** Without Redis: apply in the request; a failure answers 5xx so Stripe redelivers later. */
export function applyStripeEventsInline(ctx: EventContext) {
  return async (job: StripeEventJob): Promise<void> => {
    await applyStripeEvent(ctx, job.payload);
  };
}
