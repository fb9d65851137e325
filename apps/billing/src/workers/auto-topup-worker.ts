import { type AutoTopupJob, autoTopupJobSchema, QUEUE_NAMES } from "@switchyard/queue";
import { UnrecoverableError, Worker } from "bullmq";
import { runAutoTopup } from "../auto-topup/charge.ts";
import type { WorkerDeps } from "./options.ts";

export function autoTopupWorker(deps: WorkerDeps): Worker<AutoTopupJob> {
  return new Worker<AutoTopupJob>(
    QUEUE_NAMES.autoTopup,
    async (job) => {
      const parsed = autoTopupJobSchema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError("malformed auto top-up job");
      return runAutoTopup(deps, parsed.data, job.id ?? `${parsed.data.orgId}:${job.timestamp}`);
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 4 },
  );
}
