import { newId } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { fund, testDb, usageJob } from "../../test/support.ts";
import { orgBalanceNanos } from "../balances.ts";
import { PostgresCreditHolds } from "../holds/postgres.ts";
import { InlineUsageSink } from "./usage-sink.ts";

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
