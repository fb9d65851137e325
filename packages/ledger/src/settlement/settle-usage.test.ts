import {
  apiKeys,
  creditHolds,
  generations,
  ledgerEntries,
  ledgerTransfers,
  newId,
  usageHourly,
} from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { fund, testDb, usageJob } from "../../test/support.ts";
import { orgBalanceNanos } from "../balances.ts";
import { PostgresCreditHolds } from "../holds/postgres.ts";
import { reconcileLedger } from "../reconcile.ts";
import { settleUsage, settleUsageBatch } from "./settle-usage.ts";

const handle = testDb(8);
afterAll(() => handle.close());

describe("settleUsageBatch", () => {
  it("writes generations, debits the org once per generation and rolls usage up", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000_000n);
    const createdAt = "2025-03-04T10:15:00.000Z";
    const jobs = [
      usageJob(org.orgId, org.keyId, 1_000n, { createdAt }),
      usageJob(org.orgId, org.keyId, 2_500n, { createdAt, status: "error" }),
      usageJob(org.orgId, org.keyId, 0n, { createdAt }),
    ];
    const result = await settleUsageBatch(handle.db, jobs);
    expect(result.applied.map((g) => g.generationId).sort()).toEqual(jobs.map((j) => j.generationId).sort());
    expect(result.applied.every((g) => g.ledgerTxid !== null)).toBe(true);
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(1_000_000n - 3_500n);

    const [key] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, org.keyId));
    expect(key?.usageNanos).toBe(3_500n);
    expect(key?.lastUsedAt?.toISOString()).toBe(createdAt);

    const [rollup] = await handle.db.select().from(usageHourly).where(eq(usageHourly.orgId, org.orgId));
    expect(rollup).toMatchObject({
      requests: 3,
      errors: 1,
      costNanos: 3_500n,
      promptTokens: 30n,
      completionTokens: 60n,
    });
    expect(rollup?.hour.toISOString()).toBe("2025-03-04T10:00:00.000Z");

    // A zero-cost generation is recorded as a transfer without entries.
    const zero = jobs[2]?.generationId ?? "";
    const [transfer] = await handle.db
      .select()
      .from(ledgerTransfers)
      .where(eq(ledgerTransfers.idempotencyKey, `usage:${zero}`));
    expect(transfer).toBeDefined();
    const entries = await handle.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.transferId, transfer?.id ?? ""));
    expect(entries).toEqual([]);
  });

  it("skips generations already settled and reports them as duplicates with their txid", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000_000n);
    const first = usageJob(org.orgId, org.keyId, 700n);
    const firstResult = await settleUsage(handle.db, first);
    const second = usageJob(org.orgId, org.keyId, 300n);
    const result = await settleUsageBatch(handle.db, [first, second, second]);
    expect(result.applied.map((g) => g.generationId)).toEqual([second.generationId]);
    expect(result.duplicates.map((g) => g.generationId).sort()).toEqual(
      [first.generationId, second.generationId].sort(),
    );
    expect(result.duplicates.find((g) => g.generationId === first.generationId)?.ledgerTxid).toBe(
      firstResult.applied[0]?.ledgerTxid,
    );
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(1_000_000n - 1_000n);
    const rows = await handle.db.select().from(generations).where(eq(generations.orgId, org.orgId));
    expect(rows.length).toBe(2);
    const [rollup] = await handle.db.select().from(usageHourly).where(eq(usageHourly.orgId, org.orgId));
    expect(rollup?.requests).toBe(2);
  });

  it("marks the generation's hold settled in the same transaction", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 10_000n);
    const holds = new PostgresCreditHolds(handle.db);
    const job = usageJob(org.orgId, org.keyId, 100n);
    await holds.reserve({
      generationId: job.generationId,
      orgId: org.orgId,
      keyId: org.keyId,
      keyLimitNanos: null,
      amountNanos: 5_000n,
      ttlMs: 60_000,
    });
    await settleUsage(handle.db, job);
    const [hold] = await handle.db
      .select()
      .from(creditHolds)
      .where(eq(creditHolds.generationId, job.generationId));
    expect(hold?.status).toBe("settled");
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(9_900n);
  });

  it("keeps the ledger exact under concurrent batches across many orgs", async () => {
    const orgs = await Promise.all(Array.from({ length: 5 }, () => createTestOrg(handle.db)));
    for (const org of orgs) await fund(handle, org.orgId, 10_000_000n);
    const jobs = Array.from({ length: 2_000 }, (_, i) => {
      const org = orgs[i % orgs.length]!;
      return usageJob(org.orgId, org.keyId, BigInt(1 + (i % 113)));
    });
    const batches = Array.from({ length: 8 }, (_, b) => jobs.filter((_, i) => i % 8 === b));
    // Every job is submitted twice, in different batches: each is applied once.
    await Promise.all(
      [...batches, ...batches.slice().reverse()].map((batch) => settleUsageBatch(handle.db, batch)),
    );
    for (const org of orgs) {
      const spent = jobs
        .filter((j) => j.orgId === org.orgId)
        .reduce((acc, j) => acc + BigInt(j.costNanos), 0n);
      expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(10_000_000n - spent);
    }
    const count = await handle.db
      .select({ id: generations.id })
      .from(generations)
      .where(
        and(
          inArray(
            generations.orgId,
            orgs.map((o) => o.orgId),
          ),
        ),
      );
    expect(count.length).toBe(2_000);
    const report = await reconcileLedger(handle.db, { orgIds: orgs.map((o) => o.orgId) });
    expect(report).toMatchObject({ ok: true, globalSum: 0n, driftedAccounts: [] });
  });

  it("fails the batch when a job names an org that does not exist", async () => {
    await expect(settleUsageBatch(handle.db, [usageJob(newId("org"), null, 5n)])).rejects.toThrow();
  });
});
