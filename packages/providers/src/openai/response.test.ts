import { describe, expect, it } from "vitest";
import { UpstreamError } from "../errors.ts";
import { jsonFixture } from "../testing/fixtures.ts";
import { fromOpenAIResponse } from "./response.ts";

describe("fromOpenAIResponse", () => {
  it("maps content, finish reason and usage details", () => {
    const completion = fromOpenAIResponse(jsonFixture(import.meta.url, "completion.json"), "x");
    expect(completion.choices[0]).toEqual({
      index: 0,
      message: { role: "assistant", content: "Hello! How can I help you today?" },
      finish_reason: "stop",
      native_finish_reason: "stop",
    });
    expect(completion.usage).toEqual({
      prompt_tokens: 1117,
      completion_tokens: 46,
      total_tokens: 1163,
      prompt_tokens_details: { cached_tokens: 1024 },
      completion_tokens_details: { reasoning_tokens: 12 },
    });
    expect(completion.model).toBe("gpt-4o-2024-08-06");
  });

  it("maps tool calls", () => {
    const completion = fromOpenAIResponse(jsonFixture(import.meta.url, "completion-tool-calls.json"), "x");
    expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
    expect(completion.choices[0]?.message.content).toBeNull();
    expect(completion.choices[0]?.message.tool_calls).toEqual([
      {
        id: "call_abc123",
        type: "function",
        function: { name: "get_current_weather", arguments: '{\n"location": "Boston, MA"\n}' },
      },
    ]);
  });

  it("rejects a body without choices as bad_response", () => {
    expect(() => fromOpenAIResponse({ hello: 1 }, "x")).toThrowError(UpstreamError);
    try {
      fromOpenAIResponse({ hello: 1 }, "x");
    } catch (err) {
      expect(err).toMatchObject({ code: "bad_response", status: 502, retryable: true });
    }
  });
});
