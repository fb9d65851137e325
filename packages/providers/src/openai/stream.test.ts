import { describe, expect, it } from "vitest";
import { collect, sseFixture } from "../testing/fixtures.ts";
import type { ChatRequest } from "../types.ts";
import { fromOpenAIStream } from "./stream.ts";

const request: ChatRequest = {
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: "Say hello world" }],
};

describe("fromOpenAIStream", () => {
  it("passes content through and ends with the upstream usage chunk", async () => {
    const chunks = await collect(fromOpenAIStream(sseFixture(import.meta.url, "stream-text.sse"), request));
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("Hello wörld ☃");
    expect(chunks.at(-2)?.choices[0]).toMatchObject({ finish_reason: "stop", native_finish_reason: "stop" });
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage).toEqual({
      prompt_tokens: 9,
      completion_tokens: 3,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it("streams tool call deltas and estimates usage when the host sent none", async () => {
    const chunks = await collect(
      fromOpenAIStream(sseFixture(import.meta.url, "stream-tool-calls-no-usage.sse", 5), request),
    );
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({
      index: 0,
      id: "call_DdmO9pD3xa9XTPNJ32zg2hcA",
      function: { name: "get_weather" },
    });
    expect(deltas.map((d) => d.function?.arguments ?? "").join("")).toBe('{"location":"Paris"}');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("tool_calls");
    const usage = chunks.at(-1)?.usage;
    expect(usage?.prompt_tokens).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBe(Math.ceil('{"location":"Paris"}'.length / 4));
  });

  it("throws stream_interrupted when the stream ends before a finish or [DONE]", async () => {
    async function* truncated() {
      yield {
        event: undefined,
        id: undefined,
        data: '{"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}',
      };
    }
    await expect(collect(fromOpenAIStream(truncated(), request))).rejects.toMatchObject({
      code: "stream_interrupted",
    });
  });

  it("turns an in-stream error object into an UpstreamError", async () => {
    async function* failing() {
      yield {
        event: undefined,
        id: undefined,
        data: '{"error":{"message":"overloaded","type":"server_error","code":503}}',
      };
    }
    await expect(collect(fromOpenAIStream(failing(), request))).rejects.toMatchObject({
      code: "overloaded",
      retryable: true,
    });
  });
});
