import { reconcileLedger, releaseExpiredHolds } from "@switchyard/ledger";
import { QUEUE_NAMES } from "@switchyard/queue";
import { Queue, Worker } from "bullmq";
import type { WorkerDeps } from "./options.ts";

/** Repeatable jobs: sweep expired Postgres holds every minute, reconcile the ledger every 10 minutes. */
export async function maintenanceWorker(
  deps: WorkerDeps,
): Promise<{ close(force?: boolean): Promise<void> }> {
  const queue = new Queue(QUEUE_NAMES.maintenance, { connection: deps.connection, prefix: deps.prefix });
  await queue.upsertJobScheduler(
    "release-expired-holds",
    { every: 60_000 },
    { name: "release-expired-holds" },
  );
  await queue.upsertJobScheduler("reconcile-ledger", { every: 10 * 60_000 }, { name: "reconcile-ledger" });
  const worker = new Worker(
    QUEUE_NAMES.maintenance,
    async (job) => {
      if (job.name === "release-expired-holds") return { released: await releaseExpiredHolds(deps.db) };
      if (job.name === "reconcile-ledger") {
        const report = await reconcileLedger(deps.db);
        if (!report.ok) {
          deps.logger.error(
            {
              drifted: report.driftedAccounts.map((a) => ({
                ...a,
                cached: `${a.cached}`,
                derived: `${a.derived}`,
              })),
              globalSum: `${report.globalSum}`,
              unbalancedTransfers: report.unbalancedTransfers,
            },
            "ledger drift detected",
          );
        }
        return { ok: report.ok };
      }
      return null;
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
  return {
    async close(force = false) {
      await worker.close(force);
      await queue.close();
    },
  };
}
