import { creditHolds } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { fund, hold, testDb, usageJob } from "../../test/support.ts";
import { orgBalanceNanos } from "../balances.ts";
import { settleUsage } from "../settlement/settle-usage.ts";
import { releaseExpiredHolds } from "./expire.ts";
import { PostgresCreditHolds } from "./postgres.ts";

const handle = testDb(12);
afterAll(() => handle.close());
const holds = new PostgresCreditHolds(handle.db);

describe("PostgresCreditHolds", () => {
  it("refuses a hold above the balance and reports what is affordable", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000n);
    expect(await holds.reserve(hold(org.orgId, org.keyId, 600n))).toEqual({ ok: true });
    expect(await holds.reserve(hold(org.orgId, org.keyId, 500n))).toEqual({
      ok: false,
      reason: "insufficient_credits",
      affordableNanos: 400n,
    });
    expect(await holds.spendable(org.orgId, org.keyId, null)).toEqual({ nanos: 400n, limitedBy: "org" });
  });

  it("refuses with key_limit_exceeded when the key's own limit is tighter than the balance", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 10_000n);
    expect(await holds.reserve(hold(org.orgId, org.keyId, 700n, 1_000n))).toEqual({ ok: true });
    expect(await holds.reserve(hold(org.orgId, org.keyId, 301n, 1_000n))).toEqual({
      ok: false,
      reason: "key_limit_exceeded",
      affordableNanos: 300n,
    });
  });

  it("is idempotent per generation and frees credit on release", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000n);
    const request = hold(org.orgId, org.keyId, 800n);
    expect(await holds.reserve(request)).toEqual({ ok: true });
    expect(await holds.reserve(request)).toEqual({ ok: true });
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(200n);
    await holds.release(request.generationId);
    await holds.release(request.generationId);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(1_000n);
  });

  it("lets exactly the affordable number of 100 concurrent reserves through", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 20_000n);
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, () => holds.reserve(hold(org.orgId, org.keyId, 1_000n))),
    );
    expect(outcomes.filter((o) => o.ok).length).toBe(20);
  });

  it("counts the settled debit instead of the hold after settlement", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000n);
    const request = hold(org.orgId, org.keyId, 900n);
    await holds.reserve(request);
    const job = usageJob(org.orgId, org.keyId, 250n, { generationId: request.generationId });
    await settleUsage(handle.db, job);
    await holds.settle([
      { generationId: job.generationId, orgId: org.orgId, keyId: org.keyId, costNanos: 250n },
    ]);
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(750n);
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(750n);
    const [row] = await handle.db
      .select()
      .from(creditHolds)
      .where(eq(creditHolds.generationId, job.generationId));
    expect(row?.status).toBe("settled");
  });

  it("ignores expired holds and the sweeper marks them expired", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000n);
    const request = hold(org.orgId, org.keyId, 1_000n, null, 1);
    await holds.reserve(request);
    const swept = await releaseExpiredHolds(handle.db, new Date(Date.now() + 1_000));
    expect(swept).toBeGreaterThanOrEqual(1);
    const [row] = await handle.db
      .select()
      .from(creditHolds)
      .where(eq(creditHolds.generationId, request.generationId));
    expect(row?.status).toBe("expired");
    expect((await holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(1_000n);
  });
});
