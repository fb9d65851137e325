import { randomUUID } from "node:crypto";
import { endpoints, generations, models, newId, providers } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { type RouteTrace, storeRouteTrace } from "@switchyard/routing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDb } from "../../../test/fixtures.ts";
import { generationFilterOptions, getGeneration } from "./get-generation.ts";
import { listGenerations } from "./list-generations.ts";

const handle = openTestDb();
afterAll(() => handle.close());

const trace: RouteTrace = {
  requestedModels: ["openai/gpt-4o-mini"],
  strategy: "balanced",
  allowFallbacks: true,
  candidates: [],
  attempts: [
    {
      endpointId: "ep_1",
      providerId: "openai",
      modelId: "openai/gpt-4o-mini",
      status: "success",
      latencyMs: 12,
    },
  ],
};

/** A successful gpt-4o-mini generation of `orgId`, `minute` minutes into 2026, with `fields` on top. */
function generationRow(orgId: string, minute: number, fields: Partial<typeof generations.$inferInsert> = {}) {
  return {
    id: newId("gen"),
    orgId,
    requestedModel: "openai/gpt-4o-mini",
    modelId: "openai/gpt-4o-mini",
    providerId: "openai",
    status: "success" as const,
    createdAt: new Date(Date.parse("2026-01-01T00:00:00Z") + minute * 60_000),
    routeTrace: trace,
    ...fields,
  };
}

async function seedGenerations(orgId: string, keyId: string) {
  const rows = Array.from({ length: 7 }, (_, i) =>
    // two rows share a timestamp to exercise the id tie-break
    generationRow(orgId, Math.min(i, 5), {
      keyId: i % 2 === 0 ? keyId : "key_other",
      ...(i < 5 ? {} : { modelId: "anthropic/claude-3.5-haiku", providerId: "anthropic" }),
      ...(i === 3 ? { status: "error" as const } : {}),
      costNanos: BigInt(i * 1000),
    }),
  );
  await handle.db.insert(generations).values(rows);
  return rows;
}

describe("activity", () => {
  it("pages newest first with a cursor, without gaps or repeats", async () => {
    const org = await createTestOrg(handle.db);
    const rows = await seedGenerations(org.orgId, org.keyId);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await listGenerations(handle.db, org.orgId, { limit: 3, cursor });
      seen.push(...result.rows.map((r) => r.id));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const expectedOrder = [...rows].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    expect(seen).toEqual(expectedOrder.map((r) => r.id));
  });

  it("filters by key, model, provider and status", async () => {
    const org = await createTestOrg(handle.db);
    await seedGenerations(org.orgId, org.keyId);
    expect((await listGenerations(handle.db, org.orgId, { keyId: org.keyId })).rows).toHaveLength(4);
    expect((await listGenerations(handle.db, org.orgId, { providerId: "anthropic" })).rows).toHaveLength(2);
    expect(
      (await listGenerations(handle.db, org.orgId, { modelId: "openai/gpt-4o-mini", status: "error" })).rows,
    ).toHaveLength(1);
    const withKey = (await listGenerations(handle.db, org.orgId, { keyId: org.keyId })).rows[0];
    expect(withKey?.keyName).toBe("test key");
  });

  it("names each provider from the catalog, and shows the id of one no longer in it", async () => {
    const org = await createTestOrg(handle.db);
    const listed = `acme-${randomUUID()}`;
    const retired = `retired-${randomUUID()}`;
    await handle.db
      .insert(providers)
      .values({ id: listed, name: "Acme Inference", apiFormat: "openai", baseUrl: "http://127.0.0.1:9" });
    const newer = generationRow(org.orgId, 2, { providerId: listed });
    const older = generationRow(org.orgId, 1, { providerId: retired });
    await handle.db.insert(generations).values([newer, older]);
    try {
      const page = await listGenerations(handle.db, org.orgId);
      expect(page.rows.map((r) => [r.providerId, r.providerName])).toEqual([
        [listed, "Acme Inference"],
        [retired, null],
      ]);
      expect((await getGeneration(handle.db, org.orgId, newer.id))?.providerName).toBe("Acme Inference");
      expect((await generationFilterOptions(handle.db, org.orgId)).providers).toEqual([
        { id: listed, name: "Acme Inference" },
        { id: retired, name: retired },
      ]);
    } finally {
      // The test database's catalog is shared with every package's tests.
      await handle.db.delete(providers).where(eq(providers.id, listed));
    }
  });

  it("reads a stored trace back with the catalog's names, and an endpoint no longer there by its id", async () => {
    const org = await createTestOrg(handle.db);
    const suffix = randomUUID().slice(0, 8);
    const provider = { id: `trace-${suffix}`, name: `Trace Provider ${suffix}` };
    const model = `trace-${suffix}/model`;
    const endpointId = `ep_trace_${suffix}`;
    await handle.db
      .insert(providers)
      .values({ ...provider, apiFormat: "openai", baseUrl: "http://127.0.0.1:9" });
    await handle.db.insert(models).values({ id: model, author: "trace", name: model, contextLength: 8192 });
    await handle.db.insert(endpoints).values({
      id: endpointId,
      modelId: model,
      providerId: provider.id,
      upstreamModel: "model",
      inputPriceNanos: 100n,
      outputPriceNanos: 200n,
      contextLength: 8192,
      maxOutputTokens: 1024,
    });
    const full: RouteTrace = {
      ...trace,
      requestedModels: [model],
      candidates: [
        {
          endpointId,
          modelId: model,
          providerId: provider.id,
          providerName: provider.name,
          inputPriceNanos: "100",
          outputPriceNanos: "200",
          status: "kept",
          rank: 0,
          score: 0.5,
        },
        {
          endpointId: "ep_gone",
          modelId: "x/y",
          providerId: "gone",
          providerName: "Gone",
          inputPriceNanos: "1",
          outputPriceNanos: "2",
          status: "excluded",
          excludedBy: "provider_blocked",
          reason: "blocked",
        },
      ],
      attempts: [
        {
          endpointId,
          providerId: provider.id,
          modelId: model,
          status: "success",
          httpStatus: 200,
          latencyMs: 9,
        },
      ],
    };
    const row = generationRow(org.orgId, 3, { routeTrace: storeRouteTrace(full) });
    await handle.db.insert(generations).values(row);
    try {
      const read = (await getGeneration(handle.db, org.orgId, row.id))?.trace;
      expect(read?.candidates[0]).toEqual(full.candidates[0]);
      expect(read?.attempts).toEqual(full.attempts);
      expect(read?.candidates[1]).toMatchObject({
        endpointId: "ep_gone",
        providerName: "ep_gone",
        excludedBy: "provider_blocked",
        reason: "blocked",
      });
    } finally {
      await handle.db.delete(providers).where(eq(providers.id, provider.id));
      await handle.db.delete(models).where(eq(models.id, model));
    }
  });

  it("never shows another org's generation", async () => {
    const org = await createTestOrg(handle.db);
    const other = await createTestOrg(handle.db);
    const [row] = await seedGenerations(org.orgId, org.keyId);
    expect(await getGeneration(handle.db, other.orgId, row?.id ?? "")).toBeNull();
    expect((await listGenerations(handle.db, other.orgId)).rows).toEqual([]);
    const mine = await getGeneration(handle.db, org.orgId, row?.id ?? "");
    expect(mine?.trace?.attempts[0]?.providerId).toBe("openai");
  });
});
