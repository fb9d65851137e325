import { generations, ledgerTransfers, newId } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { BullMqUsageSink, orgBalanceNanos, reconcileLedger } from "@switchyard/ledger";
import { fund, usageJob } from "@switchyard/ledger/testing";
import { QUEUE_NAMES, usageBatchQueueJob, usageRecordQueueJob } from "@switchyard/queue";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, waitFor } from "../support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ stripe: false, holds: "redis" });
});
afterAll(() => h.close());

const settledCount = async (orgId: string) => {
  const [row] = await h.handle.db
    .select({ n: sql<number>`count(*)::int` })
    .from(generations)
    .where(eq(generations.orgId, orgId));
  return row?.n ?? 0;
};

/** A funded org, the usage queue, and `count` usage records of 1,000 nanos for the org. */
async function fundedOrgRecords(count: number, balance: bigint) {
  const org = await createTestOrg(h.handle.db);
  await fund(h.handle, org.orgId, balance);
  const records = Array.from({ length: count }, () => usageJob(org.orgId, org.keyId, 1_000n));
  return { org, queue: h.queue(QUEUE_NAMES.usage), records };
}

/** A funded org with 20 usage records for it, and one record for an org that does not exist. */
async function twentyGoodAndOneUnknownOrg() {
  const { org, queue, records: good } = await fundedOrgRecords(20, 1_000_000n);
  return { org, queue, good, unknownOrg: usageJob(newId("org"), null, 1_000n) };
}

describe("usage worker", () => {
  it("applies every usage job exactly once across a worker killed mid-run and restarted", async () => {
    const org = await createTestOrg(h.handle.db);
    const funding = 1_000_000_000_000n;
    await fund(h.handle, org.orgId, funding);
    // Five records per job: 600 jobs, so the worker is killed with most of them still to come.
    const sink = new BullMqUsageSink(h.queue(QUEUE_NAMES.usage), { maxBatch: 5 });
    const jobs = Array.from({ length: 3_000 }, (_, i) =>
      usageJob(org.orgId, org.keyId, BigInt(1_000 + ((i * 7919) % 100_003))),
    );
    const expected = jobs.reduce((sum, job) => sum + BigInt(job.costNanos), 0n);
    const usage = { maxBatch: 20, lockDurationMs: 1_500, stalledIntervalMs: 500 };

    const first = await h.startWorkers({ only: ["usage"], usage });
    const submitting = Promise.all(jobs.map((job) => sink.submit(job)));
    await waitFor(async () => (await settledCount(org.orgId)) >= 300);
    await first.close(true); // abandon jobs in flight, like a crashed process
    await submitting;
    // A few jobs are submitted twice (a gateway retry): jobId = generationId dedupes or settlement skips them.
    await Promise.all(jobs.slice(0, 50).map((job) => sink.submit(job)));
    const applied = await settledCount(org.orgId);
    expect(applied).toBeLessThan(3_000);

    const second = await h.startWorkers({ only: ["usage"], usage });
    await waitFor(async () => (await settledCount(org.orgId)) === 3_000, 40_000);
    const queue = h.queue(QUEUE_NAMES.usage);
    await waitFor(async () => {
      const counts = await queue.getJobCounts("active", "waiting", "delayed");
      return (counts.active ?? 0) + (counts.waiting ?? 0) + (counts.delayed ?? 0) === 0;
    }, 20_000);

    const [sum] = await h.handle.db
      .select({ total: sql<string>`sum(${generations.costNanos})::text` })
      .from(generations)
      .where(eq(generations.orgId, org.orgId));
    expect(BigInt(sum?.total ?? "0")).toBe(expected);
    expect(await orgBalanceNanos(h.handle.db, org.orgId)).toBe(funding - expected);
    expect((await reconcileLedger(h.handle.db, { orgIds: [org.orgId] })).ok).toBe(true);
    await second.close();
  }, 90_000);

  it("leaves no job active when closed gracefully mid-run", async () => {
    const { org, queue, records } = await fundedOrgRecords(5_000, 1_000_000_000n);
    await queue.addBulk(records.map(usageRecordQueueJob));
    // Small batches, so completions keep handing back next jobs when the close comes.
    const workers = await h.startWorkers({ only: ["usage"], usage: { maxBatch: 50 } });
    await waitFor(async () => (await settledCount(org.orgId)) >= 200);
    await workers.close();

    const counts = await queue.getJobCounts("active", "waiting", "completed");
    expect(counts.active).toBe(0);
    const settled = await settledCount(org.orgId);
    expect(settled).toBeLessThan(5_000);
    // Every job is either settled or still waiting for the next worker: none stranded as active.
    expect(settled + (counts.waiting ?? 0)).toBe(5_000);
  });

  it("settles a job of many records around one that can never settle, which moves to a job of its own and fails alone", async () => {
    const { org, queue, good, unknownOrg } = await twentyGoodAndOneUnknownOrg();
    const batch = usageBatchQueueJob([...good.slice(0, 10), unknownOrg, ...good.slice(10)]);
    await queue.addBulk([batch]);
    const workers = await h.startWorkers({ only: ["usage"] });
    try {
      await waitFor(async () => (await settledCount(org.orgId)) === 20);
      await waitFor(
        async () =>
          (await queue.getJob(unknownOrg.generationId)?.then((job) => job?.getState())) === "failed",
      );
      expect((await queue.getJob(unknownOrg.generationId))?.attemptsMade).toBe(1);
      // The job of many completed (and was removed): nothing of it waits to run again.
      expect(await queue.getJob(batch.opts.jobId)).toBeUndefined();
      expect(await orgBalanceNanos(h.handle.db, org.orgId)).toBe(1_000_000n - 20_000n);
    } finally {
      await workers.close();
    }
  });

  it("settles at most about maxBatch records per transaction, however many each job carries", async () => {
    const { org, queue, records } = await fundedOrgRecords(200, 1_000_000_000n);
    await queue.addBulk(
      Array.from({ length: 10 }, (_, i) => usageBatchQueueJob(records.slice(i * 20, (i + 1) * 20))),
    );
    const workers = await h.startWorkers({ only: ["usage"], usage: { maxBatch: 50 } });
    try {
      await waitFor(async () => (await settledCount(org.orgId)) === 200);
    } finally {
      await workers.close();
    }
    // A batch posts one usage transfer per org: its request count is the batch's size for this org.
    const transfers = await h.handle.db
      .select({ requests: sql<number>`(${ledgerTransfers.metadata}->>'requests')::int` })
      .from(ledgerTransfers)
      .where(and(eq(ledgerTransfers.orgId, org.orgId), eq(ledgerTransfers.kind, "usage")));
    expect(transfers.reduce((sum, t) => sum + t.requests, 0)).toBe(200);
    // The batch ends at the job that reaches 50 records: at most 50 + 19.
    expect(Math.max(...transfers.map((t) => t.requests))).toBeLessThanOrEqual(69);
    expect(transfers.length).toBeGreaterThanOrEqual(3);
  });

  it("settles a batch around jobs that can never settle, and fails those at once", async () => {
    const { org, queue, good, unknownOrg } = await twentyGoodAndOneUnknownOrg();
    const opts = (jobId: string) => ({ jobId, attempts: 10, backoff: { type: "fixed", delay: 60_000 } });
    await queue.addBulk([
      ...good.map((job) => ({ name: QUEUE_NAMES.usage, data: job, opts: opts(job.generationId) })),
      { name: QUEUE_NAMES.usage, data: unknownOrg, opts: opts(unknownOrg.generationId) },
      { name: QUEUE_NAMES.usage, data: { generationId: "gen_broken" }, opts: opts("gen_broken") },
    ]);
    const workers = await h.startWorkers({ only: ["usage"] });
    try {
      await waitFor(async () => (await settledCount(org.orgId)) === 20);
      // Both bad jobs fail for good, without waiting out their ten attempts.
      await waitFor(async () => (await queue.getFailedCount()) >= 2);
      for (const id of [unknownOrg.generationId, "gen_broken"]) {
        const job = await queue.getJob(id);
        expect(await job?.getState()).toBe("failed");
        expect(job?.attemptsMade).toBe(1);
      }
      expect(await orgBalanceNanos(h.handle.db, org.orgId)).toBe(1_000_000n - 20_000n);
    } finally {
      await workers.close();
    }
  });
});
