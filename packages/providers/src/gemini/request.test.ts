import { describe, expect, it } from "vitest";
import type { ChatRequest } from "../types.ts";
import { toGeminiRequest } from "./request.ts";

const conversation: ChatRequest = {
  model: "gemini-2.0-flash",
  messages: [
    { role: "system", content: "Be concise." },
    {
      role: "user",
      content: [
        { type: "text", text: "Describe" },
        { type: "image_url", image_url: { url: "data:image/jpeg;base64,/9j/4AAQ" } },
        { type: "image_url", image_url: { url: "https://example.com/photo.webp?x=1" } },
      ],
    },
    {
      role: "assistant",
      content: null,
      tool_calls: [
        { id: "call_9", type: "function", function: { name: "weather", arguments: '{"city":"Oslo"}' } },
      ],
    },
    { role: "tool", tool_call_id: "call_9", content: '{"temp":-3}' },
    { role: "tool", tool_call_id: "call_9", content: "plain text" },
  ],
  tools: [
    {
      type: "function",
      function: {
        name: "weather",
        description: "Weather",
        parameters: {
          type: "object",
          properties: { city: { type: "string" } },
          required: ["city"],
          additionalProperties: false,
        },
      },
    },
    { type: "function", function: { name: "now", parameters: { type: "object", properties: {} } } },
  ],
  tool_choice: { type: "function", function: { name: "weather" } },
  max_tokens: 64,
  temperature: 0.1,
  top_p: 0.8,
  top_k: 10,
  stop: ["STOP"],
  seed: 3,
};

describe("toGeminiRequest", () => {
  it("moves system prompts to systemInstruction and maps roles", () => {
    const body = toGeminiRequest(conversation);
    expect(body.systemInstruction).toEqual({ parts: [{ text: "Be concise." }] });
    expect(body.contents.map((c) => c.role)).toEqual(["user", "model", "user"]);
  });

  it("maps data: URLs to inlineData and http URLs to fileData", () => {
    expect(toGeminiRequest(conversation).contents[0]?.parts).toEqual([
      { text: "Describe" },
      { inlineData: { mimeType: "image/jpeg", data: "/9j/4AAQ" } },
      { fileData: { mimeType: "image/webp", fileUri: "https://example.com/photo.webp?x=1" } },
    ]);
  });

  it("maps tool calls to functionCall and tool results to functionResponse named after the call", () => {
    const body = toGeminiRequest(conversation);
    expect(body.contents[1]?.parts).toEqual([{ functionCall: { name: "weather", args: { city: "Oslo" } } }]);
    expect(body.contents[2]?.parts).toEqual([
      { functionResponse: { name: "weather", response: { temp: -3 } } },
      { functionResponse: { name: "weather", response: { content: "plain text" } } },
    ]);
  });

  it("rejects a tool result with no matching tool call as bad_request", () => {
    expect(() =>
      toGeminiRequest({ model: "g", messages: [{ role: "tool", tool_call_id: "nope", content: "x" }] }),
    ).toThrow(expect.objectContaining({ code: "bad_request", retryable: false }));
  });

  it("maps tools (sanitised schemas; no-arg functions omit parameters) and a named tool_choice", () => {
    const body = toGeminiRequest(conversation);
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: "weather",
            description: "Weather",
            parameters: { type: "OBJECT", properties: { city: { type: "STRING" } }, required: ["city"] },
          },
          { name: "now" },
        ],
      },
    ]);
    expect(body.toolConfig).toEqual({
      functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["weather"] },
    });
  });

  it.each([
    ["auto", "AUTO"],
    ["none", "NONE"],
    ["required", "ANY"],
  ] as const)("maps tool_choice %s to %s", (choice, mode) => {
    expect(toGeminiRequest({ ...conversation, tool_choice: choice }).toolConfig).toEqual({
      functionCallingConfig: { mode },
    });
  });

  it("maps sampling parameters and seed into generationConfig", () => {
    expect(toGeminiRequest(conversation).generationConfig).toEqual({
      maxOutputTokens: 64,
      temperature: 0.1,
      topP: 0.8,
      topK: 10,
      stopSequences: ["STOP"],
      seed: 3,
    });
  });

  it("maps json_schema to responseMimeType + responseSchema and json_object to the mime type only", () => {
    const schema = { type: "object", properties: { n: { type: ["integer", "null"] } } };
    expect(
      toGeminiRequest({
        model: "g",
        messages: [{ role: "user", content: "x" }],
        response_format: { type: "json_schema", json_schema: { name: "s", schema } },
      }).generationConfig,
    ).toEqual({
      responseMimeType: "application/json",
      responseSchema: { type: "OBJECT", properties: { n: { type: "INTEGER", nullable: true } } },
    });
    expect(
      toGeminiRequest({
        model: "g",
        messages: [{ role: "user", content: "x" }],
        response_format: { type: "json_object" },
      }).generationConfig,
    ).toEqual({ responseMimeType: "application/json" });
  });
});
