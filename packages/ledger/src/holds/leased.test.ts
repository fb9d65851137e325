import { newId } from "@switchyard/db";
import { createTestOrg, testRedisUrl } from "@switchyard/db/testing";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { fund, hold, testDb, usageJob } from "../../test/support.ts";
import { orgBalanceNanos } from "../balances.ts";
import { settleAndReleaseHolds } from "../settlement/usage-sink.ts";
import { LeasedCreditHolds, type LeasedCreditHoldsOptions } from "./leased.ts";
import { RedisCreditHolds } from "./redis.ts";

const handle = testDb(8);
const redis = new Redis(testRedisUrl());
const open: LeasedCreditHolds[] = [];
afterAll(async () => {
  await Promise.all(open.map((holds) => holds.close()));
  await handle.close();
  redis.disconnect();
});

/** One Redis namespace; each `gateway()` is what one gateway process holds. */
function namespace() {
  const prefix = `test:leases:${newId("txn")}:`;
  const redisHolds = new RedisCreditHolds({ db: handle.db, redis, prefix });
  const gateway = (options: LeasedCreditHoldsOptions = {}) => {
    const holds = new LeasedCreditHolds(redisHolds, { heartbeatMs: 60_000, checkEveryMs: 0, ...options });
    open.push(holds);
    return holds;
  };
  /** Spendable as Redis sees it: every process's leases count as held. */
  const redisSpendable = async (orgId: string, keyId: string) =>
    (await redisHolds.spendable(orgId, keyId, null)).nanos;
  return { prefix, redisHolds, gateway, redisSpendable };
}

async function fundedOrg(balance: bigint) {
  const org = await createTestOrg(handle.db);
  await fund(handle, org.orgId, balance);
  return org;
}

describe("LeasedCreditHolds", () => {
  it("serves many holds from one lease: Redis sees the lease, the process sees each hold", async () => {
    const { gateway, redisSpendable } = namespace();
    const holds = gateway({ leaseRequests: 32, minLeaseNanos: 1n });
    const org = await fundedOrg(1_000_000n);
    const outcomes = [];
    for (let i = 0; i < 20; i++) outcomes.push(await holds.reserve(hold(org.orgId, org.keyId, 100n)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(new Set(outcomes.map((o) => (o.ok ? o.leaseId : null))).size).toBe(1);
    // One lease of 32 x 100n covers all 20; a hold of its own per request would show 2,000n.
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(1_000_000n - 3_200n);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(1_000_000n - 2_000n);
  });

  it("grows a lease in the background while a quarter of a growth is left, so no request waits on Redis", async () => {
    const { gateway, redisHolds, redisSpendable } = namespace();
    const holds = gateway({ leaseRequests: 10, minLeaseNanos: 1n });
    const org = await fundedOrg(1_000_000n);
    const growths: Promise<unknown>[] = [];
    const growLease = redisHolds.growLease.bind(redisHolds);
    redisHolds.growLease = (...args) => {
      const growth = growLease(...args);
      growths.push(growth);
      return growth;
    };
    // The first hold grows the lease by ten holds (1,000n); the eighth leaves 200n, under a quarter.
    for (let i = 0; i < 7; i++) expect((await holds.reserve(hold(org.orgId, org.keyId, 100n))).ok).toBe(true);
    expect(growths).toHaveLength(1);
    expect((await holds.reserve(hold(org.orgId, org.keyId, 100n))).ok).toBe(true);
    expect(growths).toHaveLength(2);
    await Promise.all(growths);
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(1_000_000n - 2_000n);
    // Twelve more holds fit in what was grown ahead; the one leaving a quarter grows it again.
    for (let i = 0; i < 12; i++)
      expect((await holds.reserve(hold(org.orgId, org.keyId, 100n))).ok).toBe(true);
    expect(growths).toHaveLength(3);
    await Promise.all(growths);
  });

  it("gives back on close what a growth still in flight adds", async () => {
    const { gateway, redisSpendable } = namespace();
    const holds = gateway({ leaseRequests: 10, minLeaseNanos: 1n });
    const org = await fundedOrg(1_000_000n);
    // The eighth hold starts a growth ahead; close() comes before Redis has answered it.
    for (let i = 0; i < 8; i++) expect((await holds.reserve(hold(org.orgId, org.keyId, 100n))).ok).toBe(true);
    await holds.close();
    // Only the eight holds in flight stay leased: both growths' unspent rest is back.
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(1_000_000n - 800n);
  });

  it("gives back on close what a lease holds even when its growth in flight fails", async () => {
    const { gateway, redisHolds, redisSpendable } = namespace();
    const errors: unknown[] = [];
    const holds = gateway({ leaseRequests: 10, minLeaseNanos: 1n, onError: (error) => errors.push(error) });
    const org = await fundedOrg(1_000_000n);
    const growLease = redisHolds.growLease.bind(redisHolds);
    let calls = 0;
    redisHolds.growLease = (...args) => {
      calls += 1;
      if (calls === 1) return growLease(...args);
      return new Promise((_, reject) => setTimeout(() => reject(new Error("Redis went away")), 20));
    };
    // The eighth hold starts a growth ahead, which fails after close() has begun.
    for (let i = 0; i < 8; i++) expect((await holds.reserve(hold(org.orgId, org.keyId, 100n))).ok).toBe(true);
    await holds.close();
    // The first growth's unspent 200n is back; only the eight holds stay leased.
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(1_000_000n - 800n);
    // Reported once, where the growth started.
    expect(errors).toHaveLength(1);
  });

  it("lets exactly the balance through, falling back to exact holds when no lease fits", async () => {
    const { gateway, redisSpendable } = namespace();
    const holds = gateway({ leaseRequests: 32, minLeaseNanos: 1n });
    const org = await fundedOrg(10_000n);
    let granted = 0;
    for (let i = 0; i < 120; i++) {
      const outcome = await holds.reserve(hold(org.orgId, org.keyId, 100n));
      if (!outcome.ok) {
        expect(outcome).toEqual({ ok: false, reason: "insufficient_credits", affordableNanos: 0n });
        break;
      }
      granted += 1;
    }
    expect(granted).toBe(100);
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(0n);
  });

  it("never lets the leases of several processes together exceed the balance", async () => {
    const { gateway, redisSpendable } = namespace();
    const processes = [
      gateway({ minLeaseNanos: 1n }),
      gateway({ minLeaseNanos: 1n }),
      gateway({ minLeaseNanos: 1n }),
    ];
    const org = await fundedOrg(50_000n);
    const outcomes = await Promise.all(
      Array.from({ length: 900 }, (_, i) =>
        processes[i % processes.length]?.reserve(hold(org.orgId, org.keyId, 70n)),
      ),
    );
    const granted = outcomes.filter((o) => o?.ok).length;
    expect(granted * 70).toBeLessThanOrEqual(50_000);
    // Credit stranded in another process's lease is bounded by the leases' shares.
    expect(granted).toBeGreaterThan(600);
    expect(await redisSpendable(org.orgId, org.keyId)).toBeGreaterThanOrEqual(0n);
  });

  it("gives back at once what a request did not spend; settlement takes the cost off the lease once", async () => {
    const { gateway, redisSpendable } = namespace();
    const holds = gateway({ leaseRequests: 10, minLeaseNanos: 1n, idleMs: 0 });
    const org = await fundedOrg(1_000_000_000n);
    const request = hold(org.orgId, org.keyId, 10_000n);
    const outcome = await holds.reserve(request);
    if (!outcome.ok || !outcome.leaseId) throw new Error("expected a leased hold");
    holds.finish(request.generationId, 4_000n);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(1_000_000_000n - 4_000n);

    const job = usageJob(org.orgId, org.keyId, 4_000n, {
      generationId: request.generationId,
      holdLease: outcome.leaseId,
    });
    await settleAndReleaseHolds(handle.db, holds, [job]);
    // Debited 4,000n; the lease (100,000n) no longer holds that cost.
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(1_000_000_000n - 4_000n - 96_000n);
    await settleAndReleaseHolds(handle.db, holds, [job]);
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(1_000_000_000n - 4_000n - 96_000n);

    // Idle, the lease goes back: only the debit remains.
    await holds.heartbeat();
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(1_000_000_000n - 4_000n);
  });

  it("takes the costs of a batch's generations off their lease together, each once", async () => {
    const { gateway, redisSpendable } = namespace();
    const holds = gateway({ leaseRequests: 10, minLeaseNanos: 1n, idleMs: 0 });
    const org = await fundedOrg(1_000_000_000n);
    const jobs = [];
    for (const cost of [1_000n, 2_000n, 3_000n]) {
      const request = hold(org.orgId, org.keyId, 10_000n);
      const outcome = await holds.reserve(request);
      if (!outcome.ok || !outcome.leaseId) throw new Error("expected a leased hold");
      holds.finish(request.generationId, cost);
      jobs.push(
        usageJob(org.orgId, org.keyId, cost, {
          generationId: request.generationId,
          holdLease: outcome.leaseId,
        }),
      );
    }
    // One lease of 100,000n served all three; the batch debits 6,000n and takes 6,000n off it.
    await settleAndReleaseHolds(handle.db, holds, jobs);
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(1_000_000_000n - 6_000n);
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(1_000_000_000n - 6_000n - 94_000n);
    await settleAndReleaseHolds(handle.db, holds, jobs);
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(1_000_000_000n - 6_000n - 94_000n);
  });

  it("gives a lease back when the org's balance no longer covers its holds (a refund)", async () => {
    const { gateway, redisHolds, redisSpendable } = namespace();
    const holds = gateway({ leaseRequests: 100, minLeaseNanos: 1n });
    const org = await fundedOrg(1_000_000n);
    const request = hold(org.orgId, org.keyId, 5_000n);
    expect((await holds.reserve(request)).ok).toBe(true);
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(500_000n);
    // Spending elsewhere (or a refund) leaves the balance below what is held.
    await settleAndReleaseHolds(handle.db, redisHolds, [usageJob(org.orgId, org.keyId, 900_000n)]);
    await holds.heartbeat();
    // Only the request's own hold stays leased; nothing more can be spent from the lease.
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(100_000n - 5_000n);
    const next = await holds.reserve(hold(org.orgId, org.keyId, 5_000n));
    expect(next.ok).toBe(true);
  });

  it("does not spend a lease granted under a key's old credit limit", async () => {
    const { gateway } = namespace();
    const holds = gateway();
    const org = await fundedOrg(1_000_000_000n);
    const first = hold(org.orgId, org.keyId, 1_000n);
    expect((await holds.reserve(first)).ok).toBe(true);
    await holds.release(first.generationId);
    // The key's limit is now 500n: the old lease has plenty, but the key may not spend 1,000n.
    expect(await holds.reserve(hold(org.orgId, org.keyId, 1_000n, 500n))).toEqual({
      ok: false,
      reason: "key_limit_exceeded",
      affordableNanos: 500n,
    });
  });

  it("starts a new lease when Redis forgot the old one (a flush)", async () => {
    const { gateway, prefix, redisSpendable } = namespace();
    const holds = gateway({ leaseRequests: 10, minLeaseNanos: 1n });
    const org = await fundedOrg(1_000_000n);
    const first = await holds.reserve(hold(org.orgId, org.keyId, 1_000n));
    const keys = await redis.keys(`${prefix}*`);
    await redis.del(...keys);
    await holds.heartbeat();
    const second = await holds.reserve(hold(org.orgId, org.keyId, 1_000n));
    if (!first.ok || !second.ok) throw new Error("expected both holds");
    expect(second.leaseId).not.toBe(first.leaseId);
    expect(await redisSpendable(org.orgId, org.keyId)).toBe(1_000_000n - 10_000n);
  });
});
