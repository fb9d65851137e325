import { QUEUE_NAMES, type StripeEventJob, stripeEventJobSchema } from "@switchyard/queue";
import { UnrecoverableError, Worker } from "bullmq";
import { applyStripeEvent } from "../stripe-events/apply-event.ts";
import type { WorkerDeps } from "./options.ts";

/** Applies each Stripe event exactly once (ledger idempotency keys); out-of-order events retry. */
export function stripeEventsWorker(deps: WorkerDeps): Worker<StripeEventJob> {
  return new Worker<StripeEventJob>(
    QUEUE_NAMES.stripeEvents,
    async (job) => {
      const parsed = stripeEventJobSchema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError("malformed stripe event job");
      return applyStripeEvent(deps, parsed.data.payload);
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 8 },
  );
}

/** Job options for enqueued Stripe events: jobId = event id; retries cover out-of-order delivery. */
export function stripeEventJobOptions(eventId: string, retryDelayMs = 1_000) {
  return {
    jobId: eventId,
    attempts: 30,
    backoff: { type: "fixed" as const, delay: retryDelayMs },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}
