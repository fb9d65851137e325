import { describe, expect, it } from "vitest";
import { jsonFixture } from "../testing/fixtures.ts";
import { fromAnthropicResponse } from "./response.ts";

describe("fromAnthropicResponse", () => {
  it("maps text (skipping thinking), end_turn and cache-aware usage", () => {
    const c = fromAnthropicResponse(jsonFixture(import.meta.url, "message.json"), undefined);
    expect(c.choices[0]).toEqual({
      index: 0,
      message: { role: "assistant", content: "Hi! My name is Claude." },
      finish_reason: "stop",
      native_finish_reason: "end_turn",
    });
    expect(c.usage).toEqual({
      prompt_tokens: 2095 + 1800 + 100,
      completion_tokens: 503,
      total_tokens: 2095 + 1800 + 100 + 503,
      prompt_tokens_details: { cached_tokens: 1800 },
    });
    expect(c.id).toBe("msg_013Zva2CMHLNnXjNJJKqJ2EF");
  });

  it("maps tool_use blocks to tool_calls with finish tool_calls", () => {
    const c = fromAnthropicResponse(jsonFixture(import.meta.url, "message-tool-use.json"), undefined);
    expect(c.choices[0]?.finish_reason).toBe("tool_calls");
    expect(c.choices[0]?.native_finish_reason).toBe("tool_use");
    expect(c.choices[0]?.message).toEqual({
      role: "assistant",
      content: "I'll check the weather.",
      tool_calls: [
        {
          id: "toolu_01A09q90qw90lq917835lq9",
          type: "function",
          function: { name: "get_weather", arguments: '{"location":"San Francisco, CA","unit":"celsius"}' },
        },
      ],
    });
  });

  it("maps the synthetic JSON tool's input back to content with finish stop", () => {
    const c = fromAnthropicResponse(jsonFixture(import.meta.url, "message-json-tool.json"), "json_response");
    expect(c.choices[0]?.message).toEqual({ role: "assistant", content: '{"name":"Ada","age":36}' });
    expect(c.choices[0]?.finish_reason).toBe("stop");
  });

  it("rejects a body that is not a message as bad_response", () => {
    expect(() => fromAnthropicResponse({ type: "message" }, undefined)).toThrow(
      expect.objectContaining({ code: "bad_response" }),
    );
  });
});
