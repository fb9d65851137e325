import { orgDataPolicies } from "@switchyard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type GatewayHarness, startGatewayHarness } from "../support/harness.ts";

let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());

const request = {
  model: "meta-llama/llama-3.3-70b-instruct",
  messages: [{ role: "user", content: "hi" }],
  max_tokens: 20,
  provider: { sort: "price" },
};

function call(path: string, body: unknown) {
  return fetch(`${harness.apiUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${harness.org.apiKey}` },
    body: JSON.stringify(body),
  });
}

describe("route preview", () => {
  it("lists ordered candidates with prices and exclusion reasons, and agrees with the served route", async () => {
    await harness.db.insert(orgDataPolicies).values({ orgId: harness.org.orgId, denyTraining: true });
    harness.gateway.deps.orgSettings.invalidate(harness.org.orgId);
    const preview = (await (await call("/route/preview", request)).json()) as {
      data: {
        attempts: { provider: string; prompt_usd_per_million: number }[];
        candidates: { providerId: string; status: string; excludedBy?: string }[];
      };
    };
    const chutes = preview.data.candidates.find((c) => c.providerId === "chutes");
    expect(chutes?.status).toBe("excluded");
    expect(chutes?.excludedBy).toBe("data_policy:training");
    const prices = preview.data.attempts.map((a) => a.prompt_usd_per_million);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));

    const served = (await (await call("/chat/completions", request)).json()) as { id: string };
    const generation = await eventually(async () => {
      const response = await fetch(`${harness.apiUrl}/generation?id=${served.id}`, {
        headers: { authorization: `Bearer ${harness.org.apiKey}` },
      });
      return response.ok
        ? ((await response.json()) as { data: { provider: string; route_trace: { candidates: unknown[] } } })
        : undefined;
    });
    expect(generation.data.provider).toBe(preview.data.attempts[0]?.provider);
    const strip = (list: unknown[]) => JSON.parse(JSON.stringify(list));
    expect(strip(generation.data.route_trace.candidates)).toEqual(
      strip(preview.data.candidates.map(({ provider_name: _, ...rest }: Record<string, unknown>) => rest)),
    );
  });
});
