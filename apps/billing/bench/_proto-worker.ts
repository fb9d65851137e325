import { settleEachOutcome } from "@switchyard/ledger";
import { QUEUE_NAMES, type UsageJob } from "@switchyard/queue";
import { type Job, Worker } from "bullmq";
import type { WorkerDeps } from "../src/workers/options.ts";

export function protoWorker(deps: WorkerDeps, lanes: number, maxBatch: number, wave: number) {
  const worker = new Worker<UsageJob>(QUEUE_NAMES.usage, null, {
    connection: deps.connection, prefix: deps.prefix, lockDuration: 30_000, stalledInterval: 30_000, maxStalledCount: 10, autorun: false,
  });
  void worker.startStalledCheckTimer();
  let running = true;
  const token = `proto:${Math.random()}`;
  const lane = async () => {
    while (running) {
      const first = await worker.getNextJob(token, { block: true });
      if (!first) continue;
      const jobs: Job<UsageJob>[] = [first];
      while (jobs.length < maxBatch) {
        const got = await Promise.all(Array.from({ length: Math.min(wave, maxBatch - jobs.length) }, () => worker.getNextJob(token, { block: false })));
        let empty = false;
        for (const j of got) { if (j) jobs.push(j); else empty = true; }
        if (empty) break;
      }
      const errors = await settleEachOutcome(deps.db, deps.holds, jobs.map((j) => j.data));
      await Promise.all(jobs.map((j, i) => (errors[i] === null ? j.moveToCompleted(null, token, false) : j.moveToFailed(new Error(String(errors[i])), token, false))));
    }
  };
  const runs = Array.from({ length: lanes }, lane);
  return { async close() { running = false; await worker.close(); await Promise.allSettled(runs); } };
}
