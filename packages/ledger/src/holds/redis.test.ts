import { newId } from "@switchyard/db";
import { createTestOrg, testRedisUrl } from "@switchyard/db/testing";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { fund, hold, testDb, usageJob } from "../../test/support.ts";
import { orgBalanceNanos } from "../balances.ts";
import { reconcileLedger } from "../reconcile.ts";
import { settleAndReleaseHolds } from "../settlement/usage-sink.ts";
import { RedisCreditHolds } from "./redis.ts";

const handle = testDb(12);
const redis = new Redis(testRedisUrl());
afterAll(async () => {
  await handle.close();
  redis.disconnect();
});

const newHolds = () => {
  const prefix = `test:holds:${newId("txn")}:`;
  return { prefix, holds: new RedisCreditHolds({ db: handle.db, redis, prefix }) };
};

async function deletePrefix(prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
}

describe("RedisCreditHolds", () => {
  it("loads the balance from Postgres on first use and refuses beyond it", async () => {
    const { holds } = newHolds();
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000n);
    expect(await holds.reserve(hold(org.orgId, org.keyId, 600n))).toEqual({ ok: true });
    expect(await holds.reserve(hold(org.orgId, org.keyId, 500n))).toEqual({
      ok: false,
      reason: "insufficient_credits",
      affordableNanos: 400n,
    });
  });

  it("decides to the nano beyond 2^53, where a double would round", async () => {
    const { holds } = newHolds();
    const org = await createTestOrg(handle.db);
    // $9,007,199.254740993: 2^53 + 1 nanos, not representable as a double.
    const balance = 9_007_199_254_740_993n;
    await fund(handle, org.orgId, balance);
    expect(await holds.reserve(hold(org.orgId, org.keyId, balance + 1n))).toEqual({
      ok: false,
      reason: "insufficient_credits",
      affordableNanos: balance,
    });
    expect(await holds.reserve(hold(org.orgId, org.keyId, balance - 1n))).toEqual({ ok: true });
    expect(await holds.reserve(hold(org.orgId, org.keyId, 2n))).toEqual({
      ok: false,
      reason: "insufficient_credits",
      affordableNanos: 1n,
    });
    expect(await holds.reserve(hold(org.orgId, org.keyId, 1n))).toEqual({ ok: true });
  });

  it("enforces the key limit against key usage and the key's holds", async () => {
    const { holds } = newHolds();
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 100_000n);
    await settleAndReleaseHolds(handle.db, holds, [usageJob(org.orgId, org.keyId, 400n)]);
    expect(await holds.reserve(hold(org.orgId, org.keyId, 500n, 1_000n))).toEqual({ ok: true });
    expect(await holds.reserve(hold(org.orgId, org.keyId, 101n, 1_000n))).toEqual({
      ok: false,
      reason: "key_limit_exceeded",
      affordableNanos: 100n,
    });
    expect(await holds.spendable(org.orgId, org.keyId, 1_000n)).toEqual({ nanos: 100n, limitedBy: "key" });
  });

  it("releases idempotently and lets expired holds lapse", async () => {
    const { holds } = newHolds();
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000n);
    const a = hold(org.orgId, org.keyId, 700n);
    await holds.reserve(a);
    await holds.release(a.generationId);
    await holds.release(a.generationId);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(1_000n);
    await holds.reserve(hold(org.orgId, org.keyId, 1_000n, null, 1));
    const deadline = Date.now() + 2_000;
    while ((await holds.spendable(org.orgId, org.keyId, null)).nanos !== 1_000n && Date.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(1_000n);
  });

  it("settles a debit once even when settle is called twice", async () => {
    const { holds } = newHolds();
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000n);
    const request = hold(org.orgId, org.keyId, 500n);
    await holds.reserve(request);
    const job = usageJob(org.orgId, org.keyId, 300n, { generationId: request.generationId });
    await settleAndReleaseHolds(handle.db, holds, [job]);
    await settleAndReleaseHolds(handle.db, holds, [job]);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(700n);
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(700n);
  });

  it("settles many generations of several orgs and keys in one batch, each once", async () => {
    const { holds } = newHolds();
    const orgs = [await createTestOrg(handle.db), await createTestOrg(handle.db)];
    const jobs = [];
    for (const org of orgs) {
      await fund(handle, org.orgId, 10_000n);
      for (let i = 1; i <= 5; i++) {
        const request = hold(org.orgId, org.keyId, 1_000n, 5_000n);
        expect((await holds.reserve(request)).ok).toBe(true);
        jobs.push(usageJob(org.orgId, org.keyId, BigInt(i * 100), { generationId: request.generationId }));
      }
    }
    // Every hold is out: org spendable 10,000 - 5 × 1,000; key spendable 5,000 - 5 × 1,000.
    expect((await holds.spendable(orgs[0]!.orgId, orgs[0]!.keyId, null)).nanos).toBe(5_000n);
    await settleAndReleaseHolds(handle.db, holds, jobs);
    await settleAndReleaseHolds(handle.db, holds, jobs.slice(3, 7));
    for (const org of orgs) {
      // Debits 100 + 200 + 300 + 400 + 500 = 1,500 per org, counted once, holds gone.
      expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(8_500n);
      expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(8_500n);
      expect((await holds.spendable(org.orgId, org.keyId, 5_000n)).nanos).toBe(3_500n);
    }
  });

  it("counts a debit whose transaction was still running when the snapshot was taken, once", async () => {
    const { holds } = newHolds();
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000n);
    const debit = await handle.sql.reserve();
    try {
      // A debit of 300 in a transaction that stays open. A later one commits (another org's
      // funding), so the snapshot the cache loads next lists the debit's as running: not in it.
      await debit`begin`;
      await debit`update ledger_accounts set balance_nanos = balance_nanos - 300
        where kind = 'org_credits' and org_id = ${org.orgId}`;
      const [row] = await debit<{ txid: string }[]>`select pg_current_xact_id()::text as txid`;
      await fund(handle, (await createTestOrg(handle.db)).orgId, 500n);
      expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(1_000n);
      await holds.settle([
        {
          generationId: newId("gen"),
          orgId: org.orgId,
          keyId: org.keyId,
          costNanos: 300n,
          ledgerTxid: row?.txid,
        },
      ]);
      expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(700n);
      await debit`commit`;
    } finally {
      debit.release();
    }
    // A snapshot that contains it: the debit now comes from Postgres, and is not taken twice.
    await holds.refresh(org.orgId);
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(700n);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(700n);
  });

  it("loads an org that went missing once for all the requests that find it missing together", async () => {
    const prefix = `test:holds:${newId("txn")}:`;
    let loads = 0;
    const holds = new (class extends RedisCreditHolds {
      override async rebuildOrg(orgId: string): Promise<void> {
        loads++;
        await super.rebuildOrg(orgId);
      }
    })({ db: handle.db, redis, prefix });
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000_000n);
    expect(await holds.reserve(hold(org.orgId, org.keyId, 1n))).toEqual({ ok: true });
    await deletePrefix(prefix); // a Redis flush or restart
    loads = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => holds.reserve(hold(org.orgId, org.keyId, 1_000n))),
    );
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(loads).toBe(1);
    // A refresh never joins a load under way: it must see what was committed before it.
    await fund(handle, org.orgId, 500n);
    await holds.refresh(org.orgId);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(1_000_500n - 20_000n);
  });

  it("picks up purchases on refresh", async () => {
    const { holds } = newHolds();
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000n);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(1_000n);
    await fund(handle, org.orgId, 500n);
    await holds.refresh(org.orgId);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(1_500n);
  });

  it("matches the Postgres balance to the nano after flushes and rebuilds racing settlements", async () => {
    const { holds, prefix } = newHolds();
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 10_000_000n);
    let spent = 0n;
    const cycle = async (i: number) => {
      const request = hold(org.orgId, org.keyId, 1_000n);
      const outcome = await holds.reserve(request);
      if (!outcome.ok) return;
      const cost = BigInt(1 + ((i * 37) % 997));
      await settleAndReleaseHolds(handle.db, holds, [
        usageJob(org.orgId, org.keyId, cost, { generationId: request.generationId }),
      ]);
      spent += cost;
    };
    let done = false;
    let flushes = 0;
    const chaos = async () => {
      for (let i = 0; !done; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (i % 2 === 0) {
          await deletePrefix(prefix);
          flushes++;
        } else await holds.refresh(org.orgId);
      }
    };
    const worker = async (w: number) => {
      for (let i = 0; i < 15; i++) await cycle(w * 100 + i);
    };
    const chaosRun = chaos();
    await Promise.all(Array.from({ length: 20 }, (_, w) => worker(w)));
    done = true;
    await chaosRun;
    expect(flushes).toBeGreaterThan(2);
    // Settlements after the last snapshot must still be applied exactly once.
    for (let i = 0; i < 5; i++) await cycle(i);
    const pg = await orgBalanceNanos(handle.db, org.orgId);
    expect(pg).toBe(10_000_000n - spent);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(pg);
    // Key usage in the cache equals the key's spend: a limit of spent + 5 leaves exactly 5.
    expect(await holds.spendable(org.orgId, org.keyId, spent + 5n)).toEqual({ nanos: 5n, limitedBy: "key" });
    expect((await reconcileLedger(handle.db, { orgIds: [org.orgId] })).ok).toBe(true);
  });
});
