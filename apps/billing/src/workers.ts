import { autoTopupWorker } from "./workers/auto-topup-worker.ts";
import { maintenanceWorker } from "./workers/maintenance-worker.ts";
import type { WorkerDeps } from "./workers/options.ts";
import { stripeEventsWorker } from "./workers/stripe-events-worker.ts";
import { usageWorker } from "./workers/usage-worker.ts";

export type { WorkerDeps } from "./workers/options.ts";

export interface RunningWorkers {
  /** Stops every worker; `force` abandons jobs in flight (they are retried by another worker). */
  close(force?: boolean): Promise<void>;
}

export async function startWorkers(deps: WorkerDeps): Promise<RunningWorkers> {
  const want = (name: NonNullable<WorkerDeps["only"]>[number]) => !deps.only || deps.only.includes(name);
  const closers: ((force: boolean) => Promise<void>)[] = [];
  for (const worker of [
    want("stripeEvents") ? stripeEventsWorker(deps) : null,
    want("autoTopup") ? autoTopupWorker(deps) : null,
  ]) {
    if (worker) {
      worker.on("failed", (job, error) =>
        deps.logger.warn(
          { queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade, err: error },
          "job failed",
        ),
      );
      closers.push((force) => worker.close(force));
    }
  }
  if (want("usage")) {
    const usage = usageWorker(deps);
    closers.push((force) => usage.close(force));
  }
  if (want("maintenance")) {
    const maintenance = await maintenanceWorker(deps);
    closers.push((force) => maintenance.close(force));
  }
  return {
    async close(force = false) {
      await Promise.all(closers.map((close) => close(force)));
    },
  };
}
