import { generations, newId } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { BullMqUsageSink, orgBalanceNanos, reconcileLedger } from "@switchyard/ledger";
import { fund, usageJob } from "@switchyard/ledger/testing";
import { QUEUE_NAMES } from "@switchyard/queue";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, waitFor } from "../support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ stripe: false, holds: "redis" });
});
afterAll(() => h.close());

/** Deletes every holds key: what a FLUSHDB / restart of the cache Redis does to this tenant's state. */
async function flushHolds(): Promise<number> {
  const keys = await h.redis.keys(`${h.holdsPrefix}*`);
  if (keys.length > 0) await h.redis.del(...keys);
  return keys.length;
}

describe("Redis holds cache lost mid-run", () => {
  it("rebuilds from Postgres: no credit lost or created, ledger reconciles, cache equals ledger", async () => {
    const org = await createTestOrg(h.handle.db);
    const funding = 50_000_000n;
    await fund(h.handle, org.orgId, funding);
    await h.startWorkers({ only: ["usage"], usage: { maxBatch: 50, maxDelayMs: 2 } });
    const sink = new BullMqUsageSink(h.queue(QUEUE_NAMES.usage));

    let submitted = 0;
    let expectedSpend = 0n;
    let flushed = 0;
    const cycle = async (i: number) => {
      const generationId = newId("gen");
      const outcome = await h.holds.reserve({
        generationId,
        orgId: org.orgId,
        keyId: org.keyId,
        keyLimitNanos: null,
        amountNanos: 100_000n,
        ttlMs: 30_000,
      });
      if (!outcome.ok) return;
      const cost = BigInt(1 + ((i * 7919) % 99_999));
      expectedSpend += cost;
      submitted++;
      await sink.submit(usageJob(org.orgId, org.keyId, cost, { generationId }));
    };
    for (let wave = 0; wave < 6; wave++) {
      await Promise.all(Array.from({ length: 60 }, (_, i) => cycle(wave * 60 + i)));
      if (wave === 2 || wave === 4) flushed += await flushHolds();
    }
    expect(flushed).toBeGreaterThan(0);
    const count = async () => {
      const [row] = await h.handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(generations)
        .where(eq(generations.orgId, org.orgId));
      return row?.n ?? 0;
    };
    await waitFor(async () => (await count()) === submitted, 30_000);
    const queue = h.queue(QUEUE_NAMES.usage);
    await waitFor(async () => (await queue.getJobCounts("active", "waiting")).active === 0);

    const balance = await orgBalanceNanos(h.handle.db, org.orgId);
    expect(balance).toBe(funding - expectedSpend);
    expect((await reconcileLedger(h.handle.db, { orgIds: [org.orgId] })).ok).toBe(true);
    expect((await h.holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(balance);
  }, 60_000);
});
