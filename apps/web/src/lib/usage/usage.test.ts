import { usageHourly } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDb } from "../../../test/fixtures.ts";
import { csvField, usageCsv } from "./csv.ts";
import { usageBreakdown, usageRows, usageSeries } from "./queries.ts";

const handle = openTestDb();
afterAll(() => handle.close());

const range = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-03T00:00:00Z") };

async function seed(orgId: string, keyId: string) {
  const row = (hour: string, modelId: string, providerId: string, requests: number, cost: bigint) => ({
    orgId,
    hour: new Date(hour),
    keyId,
    modelId,
    providerId,
    requests,
    errors: 1,
    promptTokens: BigInt(requests * 100),
    completionTokens: BigInt(requests * 10),
    costNanos: cost,
    latencyMsSum: BigInt(requests * 200),
  });
  await handle.db.insert(usageHourly).values([
    row("2026-03-01T10:00:00Z", "openai/gpt-4o-mini", "openai", 3, 300n),
    row("2026-03-01T11:00:00Z", "openai/gpt-4o-mini", "azure", 2, 200n),
    row("2026-03-02T05:00:00Z", "meta-llama/llama-3.1-8b-instruct", "groq", 5, 1_000_000_001n),
    row("2026-03-04T05:00:00Z", "openai/gpt-4o-mini", "openai", 9, 9n), // outside the range
  ]);
}

describe("usage analytics", () => {
  it("sums per day and per hour in UTC", async () => {
    const org = await createTestOrg(handle.db);
    await seed(org.orgId, org.keyId);
    const days = await usageSeries(handle.db, org.orgId, { ...range, granularity: "day" });
    expect(days.map((d) => [d.bucket.toISOString(), d.requests, d.costNanos])).toEqual([
      ["2026-03-01T00:00:00.000Z", 5, 500n],
      ["2026-03-02T00:00:00.000Z", 5, 1_000_000_001n],
    ]);
    const hours = await usageSeries(handle.db, org.orgId, { ...range, granularity: "hour" });
    expect(hours).toHaveLength(3);
    expect(hours[0]).toMatchObject({
      requests: 3,
      promptTokens: 300n,
      completionTokens: 30n,
      latencyMsSum: 600n,
      errors: 1,
    });
  });

  it("breaks down by model, provider and key, biggest spend first", async () => {
    const org = await createTestOrg(handle.db);
    await seed(org.orgId, org.keyId);
    const byModel = await usageBreakdown(handle.db, org.orgId, { ...range, granularity: "day" }, "model");
    expect(byModel.map((m) => [m.id, m.requests])).toEqual([
      ["meta-llama/llama-3.1-8b-instruct", 5],
      ["openai/gpt-4o-mini", 5],
    ]);
    const byProvider = await usageBreakdown(
      handle.db,
      org.orgId,
      { ...range, granularity: "day" },
      "provider",
    );
    expect(byProvider.map((p) => p.id)).toEqual(["groq", "openai", "azure"]);
    const byKey = await usageBreakdown(handle.db, org.orgId, { ...range, granularity: "day" }, "key");
    expect(byKey).toEqual([expect.objectContaining({ id: org.keyId, label: "test key", requests: 10 })]);
  });

  it("exports CSV with exact dollar costs and no other org's rows", async () => {
    const org = await createTestOrg(handle.db);
    const other = await createTestOrg(handle.db);
    await seed(org.orgId, org.keyId);
    await seed(other.orgId, other.keyId);
    const csv = usageCsv(await usageRows(handle.db, org.orgId, range));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "hour_utc,key_id,key_name,model,provider,requests,errors,prompt_tokens,completion_tokens,cost_usd,avg_latency_ms",
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(
      `2026-03-02T05:00:00.000Z,${org.keyId},test key,meta-llama/llama-3.1-8b-instruct,groq,5,1,500,50,1.000000001,200`,
    );
    expect(csv).not.toContain(other.keyId);
  });

  it("quotes CSV fields and neutralises spreadsheet formulas", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("=HYPERLINK()")).toBe("'=HYPERLINK()");
    expect(csvField("-5")).toBe("-5");
  });
});
