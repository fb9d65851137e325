import { describe, expect, it } from "vitest";
import { jsonFixture } from "../testing/fixtures.ts";
import { fromGeminiResponse } from "./response.ts";

describe("fromGeminiResponse", () => {
  it("maps text (skipping thoughts), STOP and usage with reasoning and cached tokens", () => {
    const c = fromGeminiResponse(jsonFixture(import.meta.url, "response.json"), "g");
    expect(c.choices[0]).toEqual({
      index: 0,
      message: { role: "assistant", content: "The capital of France is Paris." },
      finish_reason: "stop",
      native_finish_reason: "STOP",
    });
    expect(c.usage).toEqual({
      prompt_tokens: 8,
      completion_tokens: 37,
      total_tokens: 45,
      prompt_tokens_details: { cached_tokens: 4 },
      completion_tokens_details: { reasoning_tokens: 30 },
    });
    expect(c.model).toBe("gemini-2.5-flash");
    expect(c.id).toBe("7Zx1aMqBIp-xqtsPjpLq8Qk");
  });

  it("maps functionCall parts to tool_calls with finish tool_calls", () => {
    const c = fromGeminiResponse(jsonFixture(import.meta.url, "response-function-call.json"), "g");
    const message = c.choices[0]?.message;
    expect(c.choices[0]?.finish_reason).toBe("tool_calls");
    expect(c.choices[0]?.native_finish_reason).toBe("STOP");
    expect(message?.content).toBeNull();
    expect(message?.tool_calls?.map((t) => [t.function.name, t.function.arguments])).toEqual([
      ["get_weather", '{"location":"Boston"}'],
      ["get_time", '{"tz":"EST"}'],
    ]);
    expect(new Set(message?.tool_calls?.map((t) => t.id)).size).toBe(2);
    expect(message?.tool_calls?.[0]?.id).toMatch(/^call_/);
  });

  it("maps a blocked prompt to content_filter", () => {
    const c = fromGeminiResponse(jsonFixture(import.meta.url, "response-blocked.json"), "g");
    expect(c.choices[0]).toMatchObject({ finish_reason: "content_filter", native_finish_reason: "SAFETY" });
    expect(c.usage.prompt_tokens).toBe(12);
  });

  it.each([
    ["MAX_TOKENS", "length"],
    ["SAFETY", "content_filter"],
    ["RECITATION", "content_filter"],
    ["MALFORMED_FUNCTION_CALL", "error"],
  ])("maps finishReason %s to %s", (native, expected) => {
    const body = {
      candidates: [{ content: { role: "model", parts: [{ text: "x" }] }, finishReason: native }],
    };
    expect(fromGeminiResponse(body, "g").choices[0]?.finish_reason).toBe(expected);
  });
});
