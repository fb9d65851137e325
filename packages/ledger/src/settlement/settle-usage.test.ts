import {
  apiKeys,
  creditHolds,
  generations,
  ledgerEntries,
  ledgerTransfers,
  newId,
  organizations,
  usageHourly,
} from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { fund, testDb, usageJob } from "../../test/support.ts";
import { orgBalanceNanos } from "../balances.ts";
import { PostgresCreditHolds } from "../holds/postgres.ts";
import { reconcileLedger } from "../reconcile.ts";
import { settleUsage, settleUsageBatch } from "./settle-usage.ts";

const handle = testDb(8);
afterAll(() => handle.close());

describe("settleUsageBatch", () => {
  it("writes generations, debits the org once for the batch and rolls usage up", async () => {
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

    // The batch debits the org once: one usage transfer that every generation row names.
    const rows = await handle.db.select().from(generations).where(eq(generations.orgId, org.orgId));
    const transferIds = new Set(rows.map((row) => row.ledgerTransferId));
    expect(transferIds.size).toBe(1);
    const [transferId] = [...transferIds];
    const [transfer] = await handle.db
      .select()
      .from(ledgerTransfers)
      .where(eq(ledgerTransfers.id, transferId ?? ""));
    expect(transfer).toMatchObject({ kind: "usage", orgId: org.orgId, metadata: { requests: 3 } });
    const entries = await handle.db
      .select({ amount: ledgerEntries.amountNanos })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.transferId, transferId ?? ""));
    expect(entries.map((e) => e.amount).sort()).toEqual([-3_500n, 3_500n]);
  });

  it("posts one usage transfer per org and UTC day; free generations get a transfer without entries", async () => {
    const [a, b, free] = await Promise.all([1, 2, 3].map(() => createTestOrg(handle.db)));
    if (!a || !b || !free) throw new Error("orgs");
    for (const org of [a, b, free]) await fund(handle, org.orgId, 1_000_000n);
    const day1 = "2025-03-04T23:59:59.000Z";
    const day2 = "2025-03-05T00:00:01.000Z";
    const jobs = [
      usageJob(a.orgId, a.keyId, 100n, { createdAt: "2025-03-04T08:00:00.000Z" }),
      usageJob(a.orgId, a.keyId, 200n, { createdAt: day1 }),
      usageJob(a.orgId, a.keyId, 400n, { createdAt: day2 }),
      usageJob(b.orgId, b.keyId, 800n, { createdAt: day1 }),
      usageJob(free.orgId, free.keyId, 0n, { createdAt: day1 }),
    ];
    await settleUsageBatch(handle.db, jobs);

    const postings = await handle.db
      .select({
        orgId: ledgerTransfers.orgId,
        at: ledgerTransfers.createdAt,
        requests: sql<number>`(${ledgerTransfers.metadata}->>'requests')::int`,
        sum: sql<
          string | null
        >`(select sum(amount_nanos)::text from ledger_entries where transfer_id = ledger_transfers.id)`,
        orgEntry: sql<
          string | null
        >`(select amount_nanos::text from ledger_entries e join ledger_accounts acc on acc.id = e.account_id
          where e.transfer_id = ledger_transfers.id and acc.kind = 'org_credits')`,
      })
      .from(ledgerTransfers)
      .where(
        and(
          eq(ledgerTransfers.kind, "usage"),
          inArray(ledgerTransfers.orgId, [a.orgId, b.orgId, free.orgId]),
        ),
      );
    const view = postings
      .map(
        (p) =>
          `${p.orgId === a.orgId ? "a" : p.orgId === b.orgId ? "b" : "free"} ${p.at.toISOString()} ${p.requests} ${p.orgEntry} ${p.sum}`,
      )
      .sort();
    // Dated at the group's last request; entries sum to zero; the free org's transfer has none.
    expect(view).toEqual([
      `a ${day1} 2 -300 0`,
      `a ${day2} 1 -400 0`,
      `b ${day1} 1 -800 0`,
      `free ${day1} 1 null null`,
    ]);
    expect(await orgBalanceNanos(handle.db, a.orgId)).toBe(1_000_000n - 700n);
    expect(await orgBalanceNanos(handle.db, free.orgId)).toBe(1_000_000n);
  });

  it("stores every field of a record as it came: awkward text, nulls, a trace and an error", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000_000n);
    // Named alike in a usage record and in its generation row.
    const fields = {
      requestedModel: 'we\\ird "model", {braces} NULL\t✓',
      endpointId: "ep_openai__openai__gpt-4o",
      upstreamId: "chatcmpl-1",
      sessionId: "session-1",
      status: "error" as const,
      finishReason: "error",
      nativeFinishReason: null,
      streamed: true,
      promptTokens: 11,
      completionTokens: 22,
      cachedTokens: 3,
      reasoningTokens: 4,
      latencyMs: 567,
      ttftMs: null,
      routeTrace: { v: 2, candidates: [["ep_a", "150", "600", "kept", 0, 0.5, ['quote " and \\']]] },
      error: { code: "upstream_error", message: 'said "no"', status: 502 },
    };
    const full = usageJob(org.orgId, org.keyId, 1_234n, { ...fields, createdAt: "2025-05-06T07:08:09.123Z" });
    const bare = usageJob(org.orgId, null, 0n, { routeTrace: null, error: null, requestedModel: "NULL" });
    await settleUsageBatch(handle.db, [full, bare]);

    const [row] = await handle.db.select().from(generations).where(eq(generations.id, full.generationId));
    expect(row).toMatchObject({
      ...fields,
      orgId: org.orgId,
      keyId: org.keyId,
      modelId: full.modelId,
      providerId: full.providerId,
      costNanos: 1_234n,
    });
    expect(row?.createdAt.toISOString()).toBe(full.createdAt);
    expect(row?.ledgerTransferId).toMatch(/^txn_/);

    const [bareRow] = await handle.db.select().from(generations).where(eq(generations.id, bare.generationId));
    expect(bareRow).toMatchObject({ keyId: null, requestedModel: "NULL", routeTrace: null, error: null });
    const [stored] = await handle.db.execute<{ trace: string | null; error_is_null: boolean }>(
      sql`select route_trace::text as trace, error is null as error_is_null from ${generations}
        where ${generations.id} = ${bare.generationId}`,
    );
    // The trace column is not null: a record without one stores JSON null; no error is SQL null.
    expect(stored).toEqual({ trace: "null", error_is_null: true });
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

  it("fails the whole batch when a job names an org that does not exist, even a free job", async () => {
    // Generations carry no org FK: the batch's usage transfer checks each org once.
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000n);
    for (const cost of [5n, 0n]) {
      const known = usageJob(org.orgId, org.keyId, 1n);
      const unknown = usageJob(newId("org"), null, cost);
      await expect(settleUsageBatch(handle.db, [known, unknown])).rejects.toMatchObject({
        cause: { code: "23503" },
      });
      const written = await handle.db
        .select({ id: generations.id })
        .from(generations)
        .where(inArray(generations.id, [known.generationId, unknown.generationId]));
      expect(written).toEqual([]);
    }
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(1_000n);
  });

  it("keeps an org with settled usage from being deleted, free usage included", async () => {
    // Its generations do not hold the org; the usage transfer's restricting FK does.
    const org = await createTestOrg(handle.db);
    await settleUsageBatch(handle.db, [usageJob(org.orgId, org.keyId, 0n)]);
    await expect(
      handle.db.delete(organizations).where(eq(organizations.id, org.orgId)),
    ).rejects.toMatchObject({
      cause: { code: "23503" },
    });
    const [generation] = await handle.db
      .select({ orgId: generations.orgId })
      .from(generations)
      .where(eq(generations.orgId, org.orgId));
    expect(generation?.orgId).toBe(org.orgId);
  });
});
