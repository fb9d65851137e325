import { describe, expect, it } from "vitest";
import { collect, sseFixture } from "../testing/fixtures.ts";
import { fromGeminiStream } from "./stream.ts";

describe("fromGeminiStream", () => {
  it("maps text chunks (CRLF SSE) and ends with finish and the last usageMetadata", async () => {
    const chunks = await collect(fromGeminiStream(sseFixture(import.meta.url, "stream-text.sse", 9), "g"));
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("The sky is blue.");
    expect(chunks.at(-1)?.choices[0]).toMatchObject({
      finish_reason: "length",
      native_finish_reason: "MAX_TOKENS",
    });
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
    expect(chunks.at(-1)?.id).toBe("s1");
  });

  it("emits each whole functionCall as one tool_calls delta with full arguments", async () => {
    const chunks = await collect(
      fromGeminiStream(sseFixture(import.meta.url, "stream-function-call.sse"), "g"),
    );
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(deltas).toEqual([
      {
        index: 0,
        id: expect.stringMatching(/^call_/),
        type: "function",
        function: { name: "find_flight", arguments: '{"from":"AMS","to":"LIS"}' },
      },
      {
        index: 1,
        id: expect.stringMatching(/^call_/),
        type: "function",
        function: { name: "find_hotel", arguments: '{"city":"Lisbon"}' },
      },
    ]);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("throws stream_interrupted when the stream ends without a finishReason", async () => {
    async function* truncated() {
      yield {
        event: undefined,
        id: undefined,
        data: '{"candidates":[{"content":{"parts":[{"text":"Hi"}],"role":"model"}}]}',
      };
    }
    await expect(collect(fromGeminiStream(truncated(), "g"))).rejects.toMatchObject({
      code: "stream_interrupted",
      status: 502,
    });
  });
});
