/**
 * Settlement throughput: N usage records through the real BullMQ queue and the batched usage
 * worker, first one record per job, then 25 per job (as the gateway's sink sends them at about
 * 1,000 requests/s: what finished within its 20 ms window). Then settlement alone (the same batches straight to Postgres and the holds, no queue), in the
 * same run, so the queue's share of the end-to-end figure can be read. On 2 cores the worker,
 * Redis and Postgres compete for the same CPUs.
 * Run: `npx tsx bench/settlement.ts [jobs] [maxBatch] [maxInFlight]`
 * (DATABASE_URL / REDIS_URL or the local test services).
 */
import { createDb, randomToken } from "@switchyard/db";
import { createTestOrg, testDatabaseUrl, testRedisUrl } from "@switchyard/db/testing";
import {
  grantPromotionalCredit,
  orgBalanceNanos,
  RedisCreditHolds,
  reconcileLedger,
  settleEachOutcome,
} from "@switchyard/ledger";
import { usageJob } from "@switchyard/ledger/testing";
import { cpuSecondsOfCommand } from "@switchyard/platform";
import {
  connectionFromUrl,
  QUEUE_NAMES,
  type UsageJob,
  usageBatchQueueJob,
  usageRecordQueueJob,
} from "@switchyard/queue";
import { type RouteTrace, storeRouteTrace } from "@switchyard/routing";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { startWorkers } from "../src/workers.ts";

const out = (line: string) => process.stdout.write(`${line}\n`);
const total = Number(process.argv[2] ?? "20000");
// One usage worker (src/workers/usage-worker.ts) in this process.
const usage = {
  maxBatch: Number(process.argv[3] ?? "1000"),
  maxInFlight: Number(process.argv[4] ?? "3"),
};
const handle = createDb(testDatabaseUrl(), { max: 8 });
const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
const prefix = `bench:${randomToken(8)}`;
const connection = connectionFromUrl(testRedisUrl());
const holds = new RedisCreditHolds({ db: handle.db, redis, prefix: `${prefix}:holds:` });
const CREDIT = 10n ** 15n;

const orgs = await Promise.all(Array.from({ length: 20 }, () => createTestOrg(handle.db)));
for (const org of orgs) {
  await grantPromotionalCredit(handle.db, {
    orgId: org.orgId,
    amountNanos: CREDIT,
    idempotencyKey: `bench:${org.orgId}`,
    description: "bench",
  });
}
/**
 * The route trace of a request to a model with two endpoints (from a `npm run bench` run), in the
 * stored form the gateway's usage records carry (`storeRouteTrace`): the trace is much of a
 * record's size, so a bare one would leave out much of the work. Typed, so that a change to the
 * trace's format shows here too.
 */
const ROUTE_TRACE: RouteTrace = {
  requestedModels: ["openai/gpt-4o-mini"],
  strategy: "balanced",
  sortStrategy: "balanced",
  partition: "model",
  allowFallbacks: true,
  candidates: [
    {
      endpointId: "ep_azure__openai__gpt-4o-mini",
      modelId: "openai/gpt-4o-mini",
      providerId: "azure",
      providerName: "Azure",
      inputPriceNanos: "165",
      outputPriceNanos: "660",
      status: "kept",
      rank: 0,
      score: 0.4524886877828054,
      notes: ["sticky"],
    },
    {
      endpointId: "ep_openai__openai__gpt-4o-mini",
      modelId: "openai/gpt-4o-mini",
      providerId: "openai",
      providerName: "OpenAI",
      inputPriceNanos: "150",
      outputPriceNanos: "600",
      status: "kept",
      rank: 1,
      score: 0.5475113122171946,
      notes: [],
    },
  ],
  attempts: [
    {
      endpointId: "ep_azure__openai__gpt-4o-mini",
      providerId: "azure",
      modelId: "openai/gpt-4o-mini",
      status: "success",
      httpStatus: 200,
      latencyMs: 0,
    },
  ],
};
const STORED_ROUTE_TRACE = storeRouteTrace(ROUTE_TRACE);
const makeJobs = (): UsageJob[] =>
  Array.from({ length: total }, (_, i) => {
    const org = orgs[i % orgs.length]!;
    return usageJob(org.orgId, org.keyId, BigInt(1 + (i % 50_000)), { routeTrace: STORED_ROUTE_TRACE });
  });

const queue = new Queue(QUEUE_NAMES.usage, { connection, prefix });
/** Enqueues the records one per job (bare) or `perJob` per job (the gateway sink's shape). */
async function enqueue(jobs: UsageJob[], perJob: number): Promise<number> {
  const start = performance.now();
  const queued =
    perJob === 1
      ? jobs.map(usageRecordQueueJob)
      : Array.from({ length: Math.ceil(jobs.length / perJob) }, (_, i) =>
          usageBatchQueueJob(jobs.slice(i * perJob, (i + 1) * perJob)),
        );
  for (let i = 0; i < queued.length; i += 1000) await queue.addBulk(queued.slice(i, i + 1000));
  return total / ((performance.now() - start) / 1000);
}
async function drained(): Promise<void> {
  for (;;) {
    const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed");
    if ((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) === 0) {
      if (counts.failed) out(`failed jobs: ${counts.failed}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const rate = (start: number) => Math.round(total / ((performance.now() - start) / 1000));
// The benchmark runs against a local Postgres: its CPU is that of the machine's postgres processes.
const cpuMark = () => ({ worker: process.cpuUsage(), postgres: cpuSecondsOfCommand("postgres") });
/** CPU per record since `since`, in microseconds: this process (the worker) and Postgres. */
const cpuPerRecord = (since: ReturnType<typeof cpuMark>) => {
  const used = process.cpuUsage(since.worker);
  const postgres = cpuSecondsOfCommand("postgres") - since.postgres;
  return {
    worker: Math.round((used.user + used.system) / total),
    postgres: Math.round((postgres * 1e6) / total),
  };
};
const cpuText = (cpu: ReturnType<typeof cpuPerRecord>) =>
  `worker CPU ${cpu.worker} µs, Postgres CPU ${cpu.postgres} µs per record`;

// 1. End to end: queue + usage worker + Postgres + holds, one record per job, then 25 per job.
const endToEnd: { perJob: number; rate: number; cpu: ReturnType<typeof cpuPerRecord> }[] = [];
let expected = 0n;
for (const perJob of [1, 25]) {
  const jobs = makeJobs();
  expected += jobs.reduce((sum, job) => sum + BigInt(job.costNanos), 0n);
  out(
    `enqueued ${total} records, ${perJob} per job, at ${Math.round(await enqueue(jobs, perJob))} records/s`,
  );
  const start = performance.now();
  const cpu = cpuMark();
  const workers = await startWorkers({
    db: handle.db,
    holds,
    stripe: null,
    logger: pino({ level: "silent" }),
    connection,
    prefix,
    fees: { percentBps: 550, minCents: 80 },
    only: ["usage"],
    usage,
  });
  await drained();
  endToEnd.push({ perJob, rate: rate(start), cpu: cpuPerRecord(cpu) });
  await workers.close();
}

let spent = 0n;
for (const org of orgs) spent += CREDIT - (await orgBalanceNanos(handle.db, org.orgId));
const ledgerMatches = spent === expected;

// 2. Settlement alone: batches of maxBatch, maxInFlight at a time, no queue.
const direct = makeJobs();
let next = 0;
const start = performance.now();
const cpu = cpuMark();
await Promise.all(
  Array.from({ length: usage.maxInFlight }, async () => {
    while (next < direct.length) {
      const batch = direct.slice(next, next + usage.maxBatch);
      next += batch.length;
      await settleEachOutcome(handle.db, holds, batch);
    }
  }),
);
const settleOnly = rate(start);
const settleOnlyCpu = cpuPerRecord(cpu);

for (const run of endToEnd) {
  out(
    `settled ${total} usage records end to end, ${run.perJob} per job: ${run.rate} records/s (${cpuText(run.cpu)})`,
  );
}
out(`  settlement alone (Postgres + holds, no queue): ${settleOnly} records/s (${cpuText(settleOnlyCpu)})`);
out(`config: 1 usage worker in-process, maxBatch ${usage.maxBatch}, maxInFlight ${usage.maxInFlight}`);
out(
  `ledger debits ${ledgerMatches ? "match" : "DO NOT match"} job costs to the nano (${spent} vs ${expected})`,
);
out(`reconcile ok: ${(await reconcileLedger(handle.db, { orgIds: orgs.map((o) => o.orgId) })).ok}`);

await queue.obliterate({ force: true });
await queue.close();
const keys = await redis.keys(`${prefix}*`);
if (keys.length > 0) await redis.del(...keys);
redis.disconnect();
await handle.close();
