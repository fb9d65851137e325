import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeUpstreamPools, getAdapter, UpstreamError } from "../src/index.ts";
import type { ChatRequest, UpstreamTarget } from "../src/types.ts";
import {
  callOptions,
  caught,
  collect,
  configure,
  FORMATS,
  type RunningSim,
  startSim,
  targetFor,
} from "./harness.ts";

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await closeUpstreamPools();
  await sim.close();
});

const hello: ChatRequest = {
  model: "unused",
  messages: [{ role: "user", content: "Say hello" }],
  max_tokens: 100,
};

async function freePortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function hangs(target: UpstreamTarget): Promise<void> {
  await configure(sim, target.providerId, { hang: true });
}

describe.each(FORMATS)("%s adapter failures", (format) => {
  const adapter = getAdapter(format);

  it("maps an upstream 500 to server_error 502, retryable, keeping the upstream status", async () => {
    const target = targetFor(sim, format);
    await configure(sim, target.providerId, { errorRate: 1 });
    const err = await caught(adapter.complete(hello, target, callOptions()));
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ code: "server_error", status: 502, retryable: true, upstreamStatus: 500 });
  });

  it("maps 503 to overloaded before a stream starts", async () => {
    const target = targetFor(sim, format);
    await configure(sim, target.providerId, { errorRate: 1, errorStatus: 503 });
    expect(await caught(adapter.stream(hello, target, callOptions()))).toMatchObject({
      code: "overloaded",
      status: 503,
      retryable: true,
    });
  });

  it("maps 429 to rate_limited with retryAfterMs from retry-after", async () => {
    const target = targetFor(sim, format);
    await configure(sim, target.providerId, { rateLimitRate: 1, retryAfterSeconds: 4 });
    expect(await caught(adapter.complete(hello, target, callOptions()))).toMatchObject({
      code: "rate_limited",
      status: 429,
      retryable: true,
      retryAfterMs: 4000,
      upstreamStatus: 429,
    });
  });

  it("maps a rejected platform key to authentication 502, retryable", async () => {
    const err = await caught(adapter.complete(hello, targetFor(sim, format, ""), callOptions()));
    expect(err).toMatchObject({ code: "authentication", status: 502, retryable: true, upstreamStatus: 401 });
  });

  it("times out with 408 when no headers arrive within timeoutMs", async () => {
    const target = targetFor(sim, format);
    await hangs(target);
    const started = performance.now();
    expect(await caught(adapter.stream(hello, target, callOptions(150)))).toMatchObject({
      code: "timeout",
      status: 408,
      retryable: true,
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("cancels the upstream call when the caller aborts", async () => {
    const target = targetFor(sim, format);
    await hangs(target);
    const controller = new AbortController();
    const pending = adapter.complete(hello, target, callOptions(10_000, controller.signal));
    setTimeout(() => controller.abort(), 50);
    expect(await caught(pending)).toMatchObject({ code: "cancelled", retryable: false });
  });

  it("throws stream_interrupted from the iterator when the socket drops mid-stream", async () => {
    const target = targetFor(sim, format);
    await configure(sim, target.providerId, {
      disconnectAfterChunks: 2,
      fixedResponse: "a b c d e f g h i j",
    });
    const stream = await adapter.stream(hello, target, callOptions());
    const err = await caught(collect(stream));
    expect(err).toMatchObject({ code: "stream_interrupted", status: 502 });
  });

  it("maps a refused connection to connect_error 502, retryable", async () => {
    const target = { ...targetFor(sim, format), baseUrl: `${await freePortUrl()}/v1` };
    expect(await caught(adapter.complete(hello, target, callOptions()))).toMatchObject({
      code: "connect_error",
      status: 502,
      retryable: true,
    });
  });

  it("stops a stream when the consumer aborts mid-way", async () => {
    const target = targetFor(sim, format);
    await configure(sim, target.providerId, { tokensPerSecond: 50 });
    const controller = new AbortController();
    const stream = await adapter.stream(hello, target, callOptions(5000, controller.signal));
    const err = await caught(
      (async () => {
        for await (const chunk of stream) {
          if (chunk.choices[0]?.delta.content) controller.abort();
        }
      })(),
    );
    expect(err).toMatchObject({ code: "cancelled" });
  });
});

describe("format-specific failures", () => {
  it("maps Anthropic's 529 overloaded_error to overloaded 503", async () => {
    const target = targetFor(sim, "anthropic");
    await configure(sim, target.providerId, { errorRate: 1, errorStatus: 529 });
    expect(await caught(getAdapter("anthropic").complete(hello, target, callOptions()))).toMatchObject({
      code: "overloaded",
      status: 503,
      upstreamStatus: 529,
      providerCode: "overloaded_error",
    });
  });

  it("maps an OpenAI 400 for a malformed request to bad_request, not retryable", async () => {
    const err = await caught(
      getAdapter("openai").complete({ ...hello, messages: [] }, targetFor(sim, "openai"), callOptions()),
    );
    expect(err).toMatchObject({ code: "bad_request", status: 400, retryable: false, upstreamStatus: 400 });
  });

  it.each([
    [404, "not_found"],
    [403, "permission_denied"],
  ] as const)("maps an upstream %i to %s 502, retryable", async (upstreamStatus, code) => {
    const target = targetFor(sim, "gemini");
    await configure(sim, target.providerId, { errorRate: 1, errorStatus: upstreamStatus });
    const err = await caught(getAdapter("gemini").complete(hello, target, callOptions()));
    expect(err).toMatchObject({ code, status: 502, retryable: true, upstreamStatus });
  });
});
