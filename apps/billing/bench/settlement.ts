/**
 * Settlement throughput: N usage jobs through the real BullMQ queue and the batched usage worker.
 * Run: `npx tsx bench/settlement.ts [jobs]` (DATABASE_URL / REDIS_URL or the local test services).
 */
import { createDb, randomToken } from "@switchyard/db";
import { createTestOrg, testDatabaseUrl, testRedisUrl } from "@switchyard/db/testing";
import {
  grantPromotionalCredit,
  orgBalanceNanos,
  RedisCreditHolds,
  reconcileLedger,
} from "@switchyard/ledger";
import { usageJob } from "@switchyard/ledger/testing";
import { connectionFromUrl, QUEUE_NAMES, type UsageJob } from "@switchyard/queue";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { startWorkers } from "../src/workers.ts";

const out = (line: string) => process.stdout.write(`${line}\n`);
const total = Number(process.argv[2] ?? "20000");
// One usage worker (src/workers/usage-worker.ts) in this process; override: [jobs] [concurrency] [maxBatch] [maxInFlight].
const usage = {
  concurrency: Number(process.argv[3] ?? "3000"),
  maxBatch: Number(process.argv[4] ?? "1000"),
  maxDelayMs: 5,
  maxInFlight: Number(process.argv[5] ?? "3"),
};
const config = `1 usage worker in-process, BullMQ concurrency ${usage.concurrency}, maxBatch ${usage.maxBatch}, maxInFlight ${usage.maxInFlight}, maxDelayMs ${usage.maxDelayMs}`;
const handle = createDb(testDatabaseUrl(), { max: 8 });
const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
const prefix = `bench:${randomToken(8)}`;
const connection = connectionFromUrl(testRedisUrl());
const holds = new RedisCreditHolds({ db: handle.db, redis, prefix: `${prefix}:holds:` });

const orgs = await Promise.all(Array.from({ length: 20 }, () => createTestOrg(handle.db)));
for (const org of orgs) {
  await grantPromotionalCredit(handle.db, {
    orgId: org.orgId,
    amountNanos: 10n ** 15n,
    idempotencyKey: `bench:${org.orgId}`,
    description: "bench",
  });
}
const jobs: UsageJob[] = Array.from({ length: total }, (_, i) => {
  const org = orgs[i % orgs.length]!;
  return usageJob(org.orgId, org.keyId, BigInt(1 + (i % 50_000)));
});
const expected = jobs.reduce((sum, job) => sum + BigInt(job.costNanos), 0n);

const queue = new Queue(QUEUE_NAMES.usage, { connection, prefix });
const enqueueStart = performance.now();
for (let i = 0; i < jobs.length; i += 1000) {
  await queue.addBulk(
    jobs.slice(i, i + 1000).map((job) => ({
      name: QUEUE_NAMES.usage,
      data: job,
      opts: { jobId: job.generationId, removeOnComplete: true },
    })),
  );
}
const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
out(
  `enqueued ${total} jobs in ${enqueueSeconds.toFixed(2)} s (${Math.round(total / enqueueSeconds)} jobs/s)`,
);

const start = performance.now();
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
for (;;) {
  const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed");
  if ((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) === 0) {
    if (counts.failed) out(`failed jobs: ${counts.failed}`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const seconds = (performance.now() - start) / 1000;
out(`settled ${total} usage jobs in ${seconds.toFixed(2)} s: ${Math.round(total / seconds)} jobs/s`);
out(`config: ${config}`);

let spent = 0n;
for (const org of orgs) spent += 10n ** 15n - (await orgBalanceNanos(handle.db, org.orgId));
out(
  `ledger debits ${spent === expected ? "match" : "DO NOT match"} job costs to the nano (${spent} vs ${expected})`,
);
out(`reconcile ok: ${(await reconcileLedger(handle.db, { orgIds: orgs.map((o) => o.orgId) })).ok}`);

await workers.close();
await queue.obliterate({ force: true });
await queue.close();
const keys = await redis.keys(`${prefix}*`);
if (keys.length > 0) await redis.del(...keys);
redis.disconnect();
await handle.close();
