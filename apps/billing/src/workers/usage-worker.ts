import { setTimeout as sleep } from "node:timers/promises";
import { type SettlementResult, settleEachOutcome } from "@switchyard/ledger";
import {
  type AutoTopupJob,
  QUEUE_NAMES,
  type UsageJob,
  type UsageQueueJob,
  usageRecordCount,
  usageRecordQueueJob,
  usageRecordsOf,
} from "@switchyard/queue";
import { Job, Queue, UnrecoverableError, Worker } from "bullmq";
import { orgsBelowThreshold, topupJobId } from "../auto-topup/threshold.ts";
import type { WorkerDeps } from "./options.ts";

function isPermanent(error: unknown): boolean {
  const code =
    (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
  // 23xxx integrity violations (unknown org, bad values) and 22xxx data errors never heal by retrying.
  return typeof code === "string" && (code.startsWith("23") || code.startsWith("22"));
}

/**
 * Usage worker: takes usage jobs off BullMQ in batches and settles each batch in one transaction
 * (group commit), then settles the holds and checks the auto top-up threshold of the orgs billed.
 * A job carries the usage records the gateway's sink collected in its window (or one bare record).
 *
 * It uses BullMQ's manual processing API instead of a processor function. A processor receives
 * one job per Redis round trip, in sequence: at low traffic that woke this process, Redis and
 * Postgres once per request, and at high traffic it needed thousands of concurrent jobs to fill a
 * batch. Here one blocking fetch waits for work, then the rest of the batch is fetched in bursts
 * of concurrent non-blocking fetches (one pipelined write each) and completed the same way.
 * Completing a job also moves the next waiting one to active in the same script call (BullMQ's
 * `fetchNext`), so with a backlog each job costs one script call instead of two.
 *
 * Crash guarantees are BullMQ's: a job is completed only after its batch commits; a worker killed
 * mid-batch leaves its jobs active, the stalled-job check hands them back to `wait`, and the replay
 * is skipped by settlement's idempotency (generation id). Failed jobs retry with their own
 * attempts and backoff (set by the gateway's sink); permanent errors fail at once. Records of a
 * job that failed while others in it settled move to jobs of their own, which retry and fail alone.
 */
export function usageWorker(deps: WorkerDeps): { close(force?: boolean): Promise<void> } {
  const maxBatch = deps.usage?.maxBatch ?? 500;
  const maxInFlight = deps.usage?.maxInFlight ?? 2;
  // At low traffic the first job of a batch waits up to this long for company: one transaction
  // then settles a dozen requests instead of one, which keeps Postgres and this worker off the
  // CPU the gateway needs. The hold covers the request meanwhile, so nothing can be overspent.
  const maxDelayMs = deps.usage?.maxDelayMs ?? 50;
  const worker = new Worker<unknown>(QUEUE_NAMES.usage, null, {
    // Concurrent fetches and completions issued together leave in one write.
    connection: { ...deps.connection, enableAutoPipelining: true },
    prefix: deps.prefix,
    autorun: false,
    lockDuration: deps.usage?.lockDurationMs ?? 30_000,
    stalledInterval: deps.usage?.stalledIntervalMs ?? 30_000,
    // Settlement is idempotent, so a job that stalled (worker died) is safe to run again.
    maxStalledCount: 10,
    // An idle blocking fetch returns every second, so a graceful close never waits long.
    drainDelay: 1,
  });
  worker.on("error", (error) => deps.logger.error({ err: error, queue: "usage" }, "usage worker error"));
  const topups = new Queue<AutoTopupJob>(QUEUE_NAMES.autoTopup, {
    connection: deps.connection,
    prefix: deps.prefix,
  });
  const usage = new Queue<UsageQueueJob["data"]>(QUEUE_NAMES.usage, {
    connection: deps.connection,
    prefix: deps.prefix,
  });
  let sequence = 0;
  let closing = false;
  const fetchJob = (block: boolean) => worker.getNextJob(`${worker.id}:${sequence++}`, { block });
  // Jobs BullMQ handed back while completing earlier ones (see `finish`): already active and
  // locked for this worker, they open the next batch.
  const carried: Job<unknown>[] = [];

  const recordsIn = (jobs: Job<unknown>[]) => jobs.reduce((sum, job) => sum + usageRecordCount(job.data), 0);

  /** Adds carried jobs while the batch has room for records. */
  function takeCarried(batch: Job<unknown>[]): void {
    while (carried.length > 0 && recordsIn(batch) < maxBatch) batch.push(carried.shift() as Job<unknown>);
  }

  /** Adds waiting jobs until the batch holds maxBatch records, in bursts that double while the queue keeps answering. */
  async function fillFromQueue(batch: Job<unknown>[]): Promise<void> {
    for (let burst = 8; ; burst *= 2) {
      const records = recordsIn(batch);
      if (records >= maxBatch) return;
      // As many jobs as the room holds at the records per job seen so far (at least one).
      const perJob = batch.length > 0 ? records / batch.length : 1;
      const want = Math.min(burst, Math.max(1, Math.floor((maxBatch - records) / perJob)));
      const fetched = await Promise.all(Array.from({ length: want }, () => fetchJob(false)));
      for (const job of fetched) if (job) batch.push(job);
      if (fetched.some((job) => !job)) return;
    }
  }

  /** The next batch; waits for the first job only when `mayBlock` (nothing else is in flight). */
  async function nextBatch(mayBlock: boolean): Promise<Job<unknown>[]> {
    const jobs: Job<unknown>[] = [];
    takeCarried(jobs);
    if (jobs.length === 0) {
      const first = await fetchJob(mayBlock);
      if (!first) return [];
      jobs.push(first);
    }
    const arrived = performance.now();
    await fillFromQueue(jobs);
    if (recordsIn(jobs) < maxBatch) {
      await sleep(Math.max(0, maxDelayMs - (performance.now() - arrived)));
      takeCarried(jobs);
      await fillFromQueue(jobs);
    }
    return jobs;
  }

  const checkTopups = async (result: SettlementResult) => {
    const orgs = [...new Set(result.applied.map((g) => g.orgId))];
    for (const orgId of await orgsBelowThreshold(deps.db, orgs)) {
      await topups.add(
        "auto-topup",
        { orgId, reason: "threshold" },
        { jobId: topupJobId(orgId), removeOnComplete: 1000, removeOnFail: 1000 },
      );
    }
  };

  async function finish(job: Job<unknown>, error: unknown): Promise<void> {
    const token = job.token ?? "";
    try {
      if (error === null) {
        // One script call completes this job and moves the next waiting one to active for us,
        // instead of a second call per job to fetch it.
        const next = await job.moveToCompleted(null, token, !closing);
        if (next?.[0]) {
          const nextJob = Job.fromJSON(worker, next[0], next[1]) as Job<unknown>;
          nextJob.token = token;
          carried.push(nextJob);
        }
        return;
      }
      // Permanent errors fail at once; the rest retry with the job's own attempts and backoff.
      const failure = isPermanent(error)
        ? new UnrecoverableError(String(error))
        : error instanceof Error
          ? error
          : new Error(String(error));
      deps.logger.warn({ queue: "usage", jobId: job.id, err: failure }, "usage job failed");
      await job.moveToFailed(failure, token, false);
    } catch (moveError) {
      // The lock was lost (the batch outlived lockDuration and the job was handed back) or Redis
      // is gone: the job runs again and settlement skips what it already applied.
      deps.logger.warn({ queue: "usage", jobId: job.id, err: moveError }, "could not finish usage job");
    }
  }

  /**
   * A job whose records all settled completes. When only some failed, those move to jobs of their
   * own (jobId = generation id), which retry and fail alone, and the job completes; when every
   * record failed, the job itself fails (and retries, unless the error is permanent).
   */
  async function finishCarrying(
    job: Job<unknown>,
    records: UsageJob[],
    errors: (unknown | null)[],
  ): Promise<void> {
    const failed = records.filter((_, index) => (errors[index] ?? null) !== null);
    if (failed.length === 0) return finish(job, null);
    if (failed.length === records.length)
      return finish(
        job,
        errors.find((error) => error !== null),
      );
    try {
      await usage.addBulk(failed.map(usageRecordQueueJob));
    } catch (error) {
      return finish(job, error);
    }
    return finish(job, null);
  }

  async function settleBatch(jobs: Job<unknown>[]): Promise<void> {
    const carrying: { job: Job<unknown>; records: UsageJob[] }[] = [];
    const finishing: Promise<void>[] = [];
    for (const job of jobs) {
      const records = usageRecordsOf(job.data);
      if (records) carrying.push({ job, records });
      else finishing.push(finish(job, new UnrecoverableError("malformed usage job")));
    }
    const settled: SettlementResult[] = [];
    const errors = await settleEachOutcome(
      deps.db,
      deps.holds,
      carrying.flatMap((entry) => entry.records),
      (result) => settled.push(result),
    );
    let offset = 0;
    for (const { job, records } of carrying) {
      finishing.push(finishCarrying(job, records, errors.slice(offset, offset + records.length)));
      offset += records.length;
    }
    await Promise.all(finishing);
    for (const result of settled) {
      await checkTopups(result).catch((error: unknown) =>
        deps.logger.error({ err: error }, "auto top-up check failed"),
      );
    }
  }

  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    await worker.startStalledCheckTimer();
    while (!closing) {
      if (inFlight.size >= maxInFlight) {
        // Group commit: jobs keep arriving while these settle and go out together next.
        await Promise.race(inFlight);
        continue;
      }
      let jobs: Job<unknown>[];
      try {
        jobs = await nextBatch(inFlight.size === 0);
      } catch (error) {
        if (closing) break;
        deps.logger.error({ err: error, queue: "usage" }, "fetching usage jobs failed");
        await sleep(1_000);
        continue;
      }
      if (jobs.length === 0) {
        // Batches in flight may hand back the next jobs as they complete.
        if (inFlight.size > 0) await Promise.race(inFlight);
        continue;
      }
      const run: Promise<void> = settleBatch(jobs)
        .catch((error: unknown) => deps.logger.error({ err: error }, "usage batch failed"))
        .finally(() => inFlight.delete(run));
      inFlight.add(run);
    }
  })().catch((error: unknown) => deps.logger.error({ err: error, queue: "usage" }, "usage worker stopped"));

  return {
    async close(force = false) {
      closing = true;
      if (force) {
        // Like a crash: jobs in flight stay active until the stalled-job check hands them back.
        await worker.close(true);
      } else {
        await loop;
        await Promise.allSettled([...inFlight]);
        // Handed back before `closing` was seen: settle them rather than leave them to the stall check.
        if (carried.length > 0) await settleBatch(carried.splice(0));
        await worker.close();
      }
      await Promise.all([topups.close(), usage.close()]);
    },
  };
}
