import { newId, randomToken } from "@switchyard/db";
import { createTestOrg, testRedisUrl } from "@switchyard/db/testing";
import { connectionFromUrl, QUEUE_NAMES } from "@switchyard/queue";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { fund, testDb, usageJob } from "../../test/support.ts";
import { orgBalanceNanos } from "../balances.ts";
import { PostgresCreditHolds } from "../holds/postgres.ts";
import { BullMqUsageSink, InlineUsageSink } from "./usage-sink.ts";

const handle = testDb(6);
afterAll(() => handle.close());

describe("InlineUsageSink", () => {
  it("settles submissions in batches and frees their holds; a bad job fails alone", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 100_000n);
    const holds = new PostgresCreditHolds(handle.db);
    const batchSizes: number[] = [];
    const sink = new InlineUsageSink(handle.db, holds, {
      maxDelayMs: 20,
      onSettled: (r) => batchSizes.push(r.applied.length),
    });
    const jobs = Array.from({ length: 50 }, () => usageJob(org.orgId, org.keyId, 100n));
    for (const job of jobs) {
      await holds.reserve({
        generationId: job.generationId,
        orgId: org.orgId,
        keyId: org.keyId,
        keyLimitNanos: null,
        amountNanos: 1_000n,
        ttlMs: 60_000,
      });
    }
    await Promise.all(jobs.map((job) => sink.submit(job)));
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    const bad = usageJob(newId("org"), null, 1n);
    const good = usageJob(org.orgId, org.keyId, 100n);
    const results = await Promise.allSettled([sink.submit(good), sink.submit(bad)]);
    await sink.close();
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(100_000n - 5_100n);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(94_900n);
  });
});

describe("BullMqUsageSink", () => {
  it("enqueues what was submitted within one window as one job, and on close what is still collecting", async () => {
    const options = { connection: connectionFromUrl(testRedisUrl()), prefix: `test:${randomToken(6)}` };
    const queue = new Queue(QUEUE_NAMES.usage, options);
    // The sink closes its queue; assertions read through a second handle on the same keys.
    const reader = new Queue(QUEUE_NAMES.usage, options);
    const sink = new BullMqUsageSink(queue, { maxDelayMs: 20 });
    try {
      const org = newId("org");
      const jobs = Array.from({ length: 30 }, () => usageJob(org, null, 10n));
      await Promise.all(jobs.map((job) => sink.submit(job)));
      const waiting = await reader.getWaiting();
      expect(waiting).toHaveLength(1);
      expect(waiting[0]?.id).toBe(`usage_${jobs[0]?.generationId}`);
      expect(waiting[0]?.data).toEqual({ usage: jobs });
      expect(waiting[0]?.opts.attempts).toBe(10);
      const last = usageJob(org, null, 10n);
      const submitted = sink.submit(last);
      await sink.close();
      await submitted;
      expect(await reader.getJob(`usage_${last.generationId}`)).toBeDefined();
    } finally {
      await sink.close();
      await reader.obliterate({ force: true });
      await reader.close();
    }
  });
});
