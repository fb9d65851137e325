import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, startGatewayHarness } from "../support/harness.ts";

let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness();
});
afterAll(() => harness.close());

// Served by Google AI Studio (cheaper, so it gets most balanced traffic) and Google Vertex.
const MODEL = "google/gemini-2.0-flash-001";

async function chat(): Promise<number> {
  const response = await fetch(`${harness.apiUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${harness.org.apiKey}` },
    body: JSON.stringify({
      model: MODEL,
      messages: [{ role: "user", content: `hi ${Math.random()}` }],
      max_tokens: 8,
    }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function studioRequests(): Promise<number> {
  const stats = (await (await fetch(`${harness.simUrl}/__admin/stats`)).json()) as Record<
    string,
    { total: number }
  >;
  return stats["google-ai-studio"]?.total ?? 0;
}

describe("circuit breaker with provider-sim fault injection", () => {
  it("stops sending traffic to a failing endpoint within seconds and resumes after it recovers", async () => {
    await harness.simulate("google-ai-studio", { errorRate: 1, errorStatus: 503 });
    const faultStarted = Date.now();
    // Every request still succeeds (fallback to Vertex) while the failing endpoint is tried a few times.
    for (let i = 0; i < 10; i++) expect(await chat()).toBe(200);
    const afterTrip = await studioRequests();
    const trippedWithinMs = Date.now() - faultStarted;
    expect(trippedWithinMs).toBeLessThan(5_000);
    for (let i = 0; i < 30; i++) expect(await chat()).toBe(200);
    // No more traffic reached the failing endpoint once the breaker opened.
    expect(await studioRequests()).toBe(afterTrip);

    await harness.simulate("google-ai-studio", { errorRate: 0 });
    const recoveryStarted = Date.now();
    let recovered = false;
    // Endpoints that failed in the last 30 s stay behind healthy ones, so recovery takes up to ~30 s.
    while (!recovered && Date.now() - recoveryStarted < 45_000) {
      expect(await chat()).toBe(200);
      recovered = (await studioRequests()) > afterTrip;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(true);
    // Once the half-open probe succeeded, the endpoint takes its share of traffic again.
    const before = await studioRequests();
    for (let i = 0; i < 40; i++) expect(await chat()).toBe(200);
    expect((await studioRequests()) - before).toBeGreaterThan(10);
  }, 90_000);
});
