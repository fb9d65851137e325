import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../src/client.ts";
import { apiKeys, endpoints, generations, models, providers } from "../src/schema/index.ts";
import { seedCatalog } from "../src/seed/index.ts";
import { createTestOrg, testDatabaseUrl } from "../src/testing.ts";

const handle = createDb(testDatabaseUrl(), { max: 4 });
afterAll(() => handle.close());

describe("schema on a migrated database", () => {
  it("inserts and reads back an org, key and generation with bigint money", async () => {
    const org = await createTestOrg(handle.db, { keyCreditLimitNanos: 5_000_000_000n });
    const [key] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, org.keyId));
    expect(key?.creditLimitNanos).toBe(5_000_000_000n);
    expect(key?.usageNanos).toBe(0n);
    await handle.db.insert(generations).values({
      id: `gen_${org.orgId}`,
      orgId: org.orgId,
      keyId: org.keyId,
      requestedModel: "openai/gpt-4o",
      status: "success",
      costNanos: 9_007_199_254_740_993n,
      routeTrace: { candidates: [] },
    });
    const [gen] = await handle.db.select().from(generations).where(eq(generations.orgId, org.orgId));
    expect(gen?.costNanos).toBe(9_007_199_254_740_993n);
    expect(gen?.routeTrace).toEqual({ candidates: [] });
  });

  it("seeds a catalog of at least 20 models across 8 providers, idempotently", async () => {
    await seedCatalog(handle.db);
    const counts = await seedCatalog(handle.db);
    expect(counts.models).toBeGreaterThanOrEqual(20);
    expect(counts.providers).toBeGreaterThanOrEqual(8);
    const modelRows = await handle.db.select().from(models);
    const providerRows = await handle.db.select().from(providers);
    const endpointRows = await handle.db.select().from(endpoints);
    expect(modelRows.length).toBeGreaterThanOrEqual(20);
    expect(providerRows.length).toBeGreaterThanOrEqual(8);
    const perModel = new Map<string, number>();
    for (const ep of endpointRows) perModel.set(ep.modelId, (perModel.get(ep.modelId) ?? 0) + 1);
    expect([...perModel.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(5);
    for (const ep of endpointRows) expect(typeof ep.inputPriceNanos).toBe("bigint");
  });
});
