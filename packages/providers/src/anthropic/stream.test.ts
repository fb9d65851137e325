import { describe, expect, it } from "vitest";
import { collect, sseFixture } from "../testing/fixtures.ts";
import { fromAnthropicStream } from "./stream.ts";

describe("fromAnthropicStream", () => {
  it("maps text deltas and ends with finish and usage (CRLF recording)", async () => {
    const chunks = await collect(
      fromAnthropicStream(sseFixture(import.meta.url, "stream-text.sse"), undefined, "m"),
    );
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("Hello!");
    const last = chunks.at(-1);
    expect(last?.choices[0]).toMatchObject({ finish_reason: "length", native_finish_reason: "max_tokens" });
    expect(last?.usage).toEqual({
      prompt_tokens: 30,
      completion_tokens: 15,
      total_tokens: 45,
      prompt_tokens_details: { cached_tokens: 5 },
    });
    expect(last?.id).toBe("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY");
    expect(last?.model).toBe("claude-sonnet-4-20250514");
  });

  it("streams tool_use as an id/name delta then input_json_delta argument fragments", async () => {
    const chunks = await collect(
      fromAnthropicStream(sseFixture(import.meta.url, "stream-tool-use.sse", 11), undefined, "m"),
    );
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toEqual({
      index: 0,
      id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
      type: "function",
      function: { name: "get_weather", arguments: "" },
    });
    expect(deltas.slice(1).every((d) => d.index === 0 && d.id === undefined)).toBe(true);
    expect(JSON.parse(deltas.map((d) => d.function?.arguments ?? "").join(""))).toEqual({
      location: "San Francisco, CA",
    });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("Checking.");
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("tool_calls");
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(89);
  });

  it("streams the synthetic JSON tool's input as content", async () => {
    async function* events() {
      const lines = [
        {
          type: "message_start",
          message: { id: "m1", model: "c", usage: { input_tokens: 3, output_tokens: 1 } },
        },
        {
          type: "content_block_start",
          index: 0,
          content_block: { type: "tool_use", id: "t", name: "json_response", input: {} },
        },
        { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: '{"a":' } },
        { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: "1}" } },
        {
          type: "message_delta",
          delta: { stop_reason: "tool_use", stop_sequence: null },
          usage: { output_tokens: 4 },
        },
        { type: "message_stop" },
      ];
      for (const l of lines) yield { event: l.type, id: undefined, data: JSON.stringify(l) };
    }
    const chunks = await collect(fromAnthropicStream(events(), "json_response", "c"));
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe('{"a":1}');
    expect(chunks.some((c) => c.choices[0]?.delta.tool_calls)).toBe(false);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
  });

  it("throws overloaded on an event: error mid-stream", async () => {
    await expect(
      collect(fromAnthropicStream(sseFixture(import.meta.url, "stream-error.sse"), undefined, "m")),
    ).rejects.toMatchObject({
      code: "overloaded",
      status: 503,
      retryable: true,
      providerCode: "overloaded_error",
    });
  });
});
