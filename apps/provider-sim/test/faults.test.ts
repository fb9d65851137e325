import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configure, pollUntil, type RunningSim, startSim, uniqueProvider } from "./harness.ts";
import type { AnError, GmError, OaError } from "./wire-types.ts";

type ProviderStats = { total: number; byStatus: Record<string, number> };
type Settings = { errorRate: number; chunkCount?: number };
type Body = OaError & AnError & GmError & Settings & Record<string, ProviderStats>;
const wire = (value: unknown) => value as Body;

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

const openaiBody = JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }] });

function openai(providerId: string, extra: Record<string, unknown> = {}, signal?: AbortSignal) {
  return fetch(`${sim.url}/${providerId}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json" },
    body: Object.keys(extra).length ? JSON.stringify({ ...JSON.parse(openaiBody), ...extra }) : openaiBody,
    signal,
  });
}

async function stats(providerId: string) {
  const all = await (await fetch(`${sim.url}/__admin/stats`)).json().then(wire);
  return all[providerId] as { total: number; byStatus: Record<string, number> } | undefined;
}

describe("fault injection", () => {
  it("fails every request with errorStatus in the provider's error format when errorRate is 1", async () => {
    const p = uniqueProvider();
    await configure(sim, p, { errorRate: 1, errorStatus: 503 });
    const res = await openai(p);
    expect(res.status).toBe(503);
    expect((await res.json().then(wire)).error.type).toBe("server_error");

    const anthropic = await fetch(`${sim.url}/${p}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": "k", "anthropic-version": "2023-06-01" },
      body: JSON.stringify({ model: "c", max_tokens: 5, messages: [{ role: "user", content: "x" }] }),
    });
    expect(anthropic.status).toBe(503);
    expect((await anthropic.json().then(wire)).type).toBe("error");
  });

  it("answers 500 by default and 529 overloaded_error for Anthropic", async () => {
    const p = uniqueProvider();
    await configure(sim, p, { errorRate: 1 });
    expect((await openai(p)).status).toBe(500);
    await configure(sim, p, { errorStatus: 529 });
    const res = await fetch(`${sim.url}/${p}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": "k", "anthropic-version": "2023-06-01" },
      body: JSON.stringify({ model: "c", max_tokens: 5, messages: [{ role: "user", content: "x" }] }),
    });
    expect(res.status).toBe(529);
    expect((await res.json().then(wire)).error.type).toBe("overloaded_error");
  });

  it("rate limits with 429 and a retry-after header", async () => {
    const p = uniqueProvider();
    await configure(sim, p, { rateLimitRate: 1, retryAfterSeconds: 7 });
    const res = await openai(p);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect((await res.json().then(wire)).error.code).toBe("rate_limit_exceeded");

    const gemini = await fetch(`${sim.url}/${p}/v1beta/models/g:generateContent?key=k`, {
      method: "POST",
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "x" }] }] }),
    });
    expect(gemini.status).toBe(429);
    expect((await gemini.json().then(wire)).error.status).toBe("RESOURCE_EXHAUSTED");
  });

  it("fails a deterministic fraction of requests for a partial error rate", async () => {
    const p = uniqueProvider();
    // Writing settings restarts the provider's fault sequence.
    const run = async () => {
      await configure(sim, p, { errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await openai(p)).status);
      return statuses;
    };
    const first = await run();
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    expect(await run()).toEqual(first);
  });

  it("hangs until the client aborts", async () => {
    const p = uniqueProvider();
    await configure(sim, p, { hang: true });
    const controller = new AbortController();
    const pending = openai(p, {}, controller.signal);
    await pollUntil(async () => ((await stats(p))?.byStatus.hang ? true : undefined));
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    await configure(sim, p, { hang: false });
    expect((await openai(p)).status).toBe(200);
  });

  it("delays response headers by latencyMs", async () => {
    const p = uniqueProvider();
    await configure(sim, p, { latencyMs: 150 });
    const started = performance.now();
    await (await openai(p)).json().then(wire);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("destroys the socket mid-stream after disconnectAfterChunks events", async () => {
    const p = uniqueProvider();
    await configure(sim, p, { disconnectAfterChunks: 3 });
    const res = await openai(p, { stream: true });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const error = await (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return undefined;
          received += decoder.decode(value, { stream: true });
        }
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect(received.match(/^data: /gm)).toHaveLength(3);
    expect(received).not.toContain("[DONE]");
  });

  it("paces streams by ttftMs and tokensPerSecond, with chunkCount and fixedResponse", async () => {
    const p = uniqueProvider();
    await configure(sim, p, {
      ttftMs: 60,
      tokensPerSecond: 100,
      chunkCount: 4,
      fixedResponse: "one two three four five six seven eight",
    });
    const started = performance.now();
    const res = await openai(p, { stream: true });
    const text = await res.text();
    const elapsed = performance.now() - started;
    const contents = text
      .split("\n\n")
      .filter((l) => l.startsWith("data: {"))
      .map((l) => JSON.parse(l.slice(6)).choices[0]?.delta.content)
      .filter((c) => typeof c === "string" && c.length > 0);
    expect(contents).toHaveLength(4);
    expect(contents.join("")).toBe("one two three four five six seven eight");
    // 60 ms TTFT + 3 paced chunks of 2 tokens at 100 tok/s.
    expect(elapsed).toBeGreaterThanOrEqual(110);
  });
});

describe("admin API", () => {
  it("merges partial settings, returns them, and clears optional ones with null", async () => {
    const p = uniqueProvider();
    await configure(sim, p, { latencyMs: 5, chunkCount: 3 });
    await configure(sim, p, { ttftMs: 9, chunkCount: null });
    const settings = await (await fetch(`${sim.url}/__admin/providers/${p}`)).json().then(wire);
    expect(settings).toMatchObject({ latencyMs: 5, ttftMs: 9, errorRate: 0, errorStatus: 500 });
    expect(settings.chunkCount).toBeUndefined();
  });

  it("rejects invalid settings with 400", async () => {
    const res = await fetch(`${sim.url}/__admin/providers/x`, {
      method: "PUT",
      body: JSON.stringify({ errorRate: 2 }),
    });
    expect(res.status).toBe(400);
  });

  it("counts requests per provider and status", async () => {
    const p = uniqueProvider();
    await openai(p);
    await configure(sim, p, { errorRate: 1 });
    await openai(p);
    expect(await stats(p)).toEqual({ total: 2, byStatus: { "200": 1, "500": 1 } });
  });

  it("resets every provider to defaults", async () => {
    const local = await startSim();
    try {
      await configure(local, "openai", { errorRate: 1 });
      await fetch(`${local.url}/__admin/providers`, { method: "DELETE" });
      const settings = await (await fetch(`${local.url}/__admin/providers/openai`)).json().then(wire);
      expect(settings.errorRate).toBe(0);
    } finally {
      await local.close();
    }
  });
});
