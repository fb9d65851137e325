import { newId } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { orgBalanceNanos, reconcileLedger, settleAndReleaseHolds } from "@switchyard/ledger";
import { fund, usageJob } from "@switchyard/ledger/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.ts";

let redisH: Harness;
let pgH: Harness;
beforeAll(async () => {
  [redisH, pgH] = await Promise.all([
    startHarness({ stripe: false, holds: "redis" }),
    startHarness({ stripe: false, holds: "postgres" }),
  ]);
});
afterAll(() => Promise.all([redisH.close(), pgH.close()]));

async function concurrentCycles(h: Harness, cycles: number) {
  const org = await createTestOrg(h.handle.db);
  const price = 1_000_000n; // each request holds and costs $0.001
  await fund(h.handle, org.orgId, price * 20n + price / 2n);
  let lowest = await orgBalanceNanos(h.handle.db, org.orgId);
  const outcomes = await Promise.all(
    Array.from({ length: cycles }, async () => {
      const generationId = newId("gen");
      const outcome = await h.holds.reserve({
        generationId,
        orgId: org.orgId,
        keyId: org.keyId,
        keyLimitNanos: null,
        amountNanos: price,
        ttlMs: 60_000,
      });
      if (!outcome.ok) return outcome;
      await settleAndReleaseHolds(h.handle.db, h.holds, [
        usageJob(org.orgId, org.keyId, price, { generationId }),
      ]);
      const balance = await orgBalanceNanos(h.handle.db, org.orgId);
      if (balance < lowest) lowest = balance;
      return outcome;
    }),
  );
  return { org, outcomes, lowest, balance: await orgBalanceNanos(h.handle.db, org.orgId) };
}

describe("credit holds under concurrency", () => {
  it("lets exactly the affordable 20 of 500 concurrent Redis reserve/settle cycles through", async () => {
    const { org, outcomes, lowest, balance } = await concurrentCycles(redisH, 500);
    expect(outcomes.filter((o) => o.ok).length).toBe(20);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ reason: "insufficient_credits" });
    expect(lowest).toBeGreaterThanOrEqual(0n);
    expect(balance).toBe(500_000n);
    expect((await redisH.holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(500_000n);
    expect((await reconcileLedger(redisH.handle.db, { orgIds: [org.orgId] })).ok).toBe(true);
  });

  it("lets exactly the affordable 20 of 100 concurrent Postgres reserve/settle cycles through", async () => {
    const { org, outcomes, lowest, balance } = await concurrentCycles(pgH, 100);
    expect(outcomes.filter((o) => o.ok).length).toBe(20);
    expect(lowest).toBeGreaterThanOrEqual(0n);
    expect(balance).toBe(500_000n);
    expect((await pgH.holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(500_000n);
  });
});
