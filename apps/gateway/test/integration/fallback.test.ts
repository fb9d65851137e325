import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, startGatewayHarness } from "../support/harness.ts";

let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterEach(() => harness.resetSimulator());
afterAll(() => harness.close());

interface Generation {
  data: {
    provider: string;
    route_trace: { attempts: { providerId: string; status: string; latencyMs: number }[] };
  };
}

async function chat(extra: Record<string, unknown>) {
  const response = await fetch(`${harness.apiUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${harness.org.apiKey}` },
    body: JSON.stringify({
      model: "meta-llama/llama-3.3-70b-instruct",
      messages: [{ role: "user", content: "hi" }],
      max_tokens: 20,
      ...extra,
    }),
  });
  return response;
}

async function generation(id: string): Promise<Generation> {
  for (let i = 0; i < 200; i++) {
    const response = await fetch(`${harness.apiUrl}/generation?id=${id}`, {
      headers: { authorization: `Bearer ${harness.org.apiKey}` },
    });
    if (response.ok) return (await response.json()) as Generation;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`generation ${id} never appeared`);
}

describe("fallback between providers", () => {
  it("serves through the next provider when the first returns 503, with both attempts traced", async () => {
    await harness.simulate("chutes", { errorRate: 1, errorStatus: 503 });
    const response = await chat({ provider: { sort: "price" } });
    expect(response.status).toBe(200);
    const completion = (await response.json()) as { id: string; provider: string };
    expect(completion.provider).toBe("DeepInfra");
    const { data } = await generation(completion.id);
    expect(data.route_trace.attempts.map((a) => [a.providerId, a.status])).toEqual([
      ["chutes", "error"],
      ["deepinfra", "success"],
    ]);
    // The failed attempt ended on the 503, not after the upstream timeout (2 s here) or a backoff.
    // The bound is loose on purpose: this is the file's first request, on a busy 2-core machine.
    expect(data.route_trace.attempts[0]!.latencyMs).toBeLessThan(1_000);
  });

  it("returns the upstream error at once when fallbacks are disabled", async () => {
    await harness.simulate("chutes", { errorRate: 1, errorStatus: 503 });
    const response = await chat({ provider: { sort: "price", allow_fallbacks: false } });
    // The provider said 503 (overloaded): passed on as a 503, generic message.
    expect(response.status).toBe(503);
    expect(
      ((await response.json()) as { error: { metadata: { provider_name: string } } }).error.metadata
        .provider_name,
    ).toBe("Chutes");
  });

  it("does not fall back on the caller's own 400", async () => {
    await harness.simulate("chutes", { errorRate: 1, errorStatus: 400 });
    const response = await chat({ provider: { sort: "price" } });
    expect(response.status).toBe(400);
  });

  it("falls back across models listed in models[]", async () => {
    await harness.simulate("openai", { errorRate: 1, errorStatus: 500 });
    const response = await fetch(`${harness.apiUrl}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${harness.org.apiKey}` },
      body: JSON.stringify({
        model: "openai/gpt-4.1",
        models: ["anthropic/claude-3.5-haiku"],
        messages: [{ role: "user", content: "hi" }],
        max_tokens: 20,
      }),
    });
    expect(response.status).toBe(200);
    const completion = (await response.json()) as { model: string };
    expect(completion.model).toBe("anthropic/claude-3.5-haiku");
  });
});
