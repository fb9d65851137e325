import { describe, expect, it } from "vitest";
import type { ChatRequest } from "../types.ts";
import { toAnthropicRequest } from "./request.ts";

const conversation: ChatRequest = {
  model: "x",
  messages: [
    { role: "system", content: "You are helpful." },
    { role: "developer", content: [{ type: "text", text: "Answer in English." }] },
    {
      role: "user",
      content: [
        { type: "text", text: "What is in these images?" },
        { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
        { type: "image_url", image_url: { url: "https://example.com/cat.jpg" } },
      ],
    },
    {
      role: "assistant",
      content: "Let me check.",
      tool_calls: [
        { id: "call_1", type: "function", function: { name: "lookup", arguments: '{"q":"cat"}' } },
        { id: "call_2", type: "function", function: { name: "lookup", arguments: '{"q":"dog"}' } },
      ],
    },
    { role: "tool", tool_call_id: "call_1", content: "a cat" },
    { role: "tool", tool_call_id: "call_2", content: [{ type: "text", text: "a dog" }] },
  ],
  tools: [
    {
      type: "function",
      function: {
        name: "lookup",
        description: "Look up",
        parameters: { type: "object", properties: { q: { type: "string" } } },
      },
    },
  ],
  tool_choice: { type: "function", function: { name: "lookup" } },
  temperature: 0.5,
  top_p: 0.9,
  top_k: 20,
  stop: "END",
  seed: 42,
  user: "user-1",
};

describe("toAnthropicRequest", () => {
  it("moves system and developer prompts to top-level system", () => {
    const { body } = toAnthropicRequest(conversation, "claude", false);
    expect(body.system).toBe("You are helpful.\n\nAnswer in English.");
    expect(body.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
  });

  it("maps data: URLs to base64 sources and http URLs to url sources", () => {
    const { body } = toAnthropicRequest(conversation, "claude", false);
    expect(body.messages[0]?.content).toEqual([
      { type: "text", text: "What is in these images?" },
      { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
      { type: "image", source: { type: "url", url: "https://example.com/cat.jpg" } },
    ]);
  });

  it("maps assistant tool calls to tool_use and merges tool results into one user turn", () => {
    const { body } = toAnthropicRequest(conversation, "claude", false);
    expect(body.messages[1]?.content).toEqual([
      { type: "text", text: "Let me check." },
      { type: "tool_use", id: "call_1", name: "lookup", input: { q: "cat" } },
      { type: "tool_use", id: "call_2", name: "lookup", input: { q: "dog" } },
    ]);
    expect(body.messages[2]?.content).toEqual([
      { type: "tool_result", tool_use_id: "call_1", content: "a cat" },
      { type: "tool_result", tool_use_id: "call_2", content: "a dog" },
    ]);
  });

  it("maps tools, a named tool_choice and sampling parameters; drops seed; defaults max_tokens", () => {
    const { body, jsonTool } = toAnthropicRequest(conversation, "claude", true);
    expect(body.tools).toEqual([
      {
        name: "lookup",
        description: "Look up",
        input_schema: { type: "object", properties: { q: { type: "string" } } },
      },
    ]);
    expect(body.tool_choice).toEqual({ type: "tool", name: "lookup" });
    expect(body).toMatchObject({
      model: "claude",
      max_tokens: 4096,
      temperature: 0.5,
      top_p: 0.9,
      top_k: 20,
      stop_sequences: ["END"],
      stream: true,
      metadata: { user_id: "user-1" },
    });
    expect(body).not.toHaveProperty("seed");
    expect(jsonTool).toBeUndefined();
  });

  it.each([
    ["auto", { type: "auto" }],
    ["none", { type: "none" }],
    ["required", { type: "any" }],
  ] as const)("maps tool_choice %s", (choice, expected) => {
    expect(toAnthropicRequest({ ...conversation, tool_choice: choice }, "c", false).body.tool_choice).toEqual(
      expected,
    );
  });

  it("forces a synthetic tool carrying the json_schema for response_format", () => {
    const schema = { type: "object", properties: { name: { type: "string" } }, required: ["name"] };
    const { body, jsonTool } = toAnthropicRequest(
      {
        model: "x",
        messages: [{ role: "user", content: "Who?" }],
        max_tokens: 100,
        response_format: { type: "json_schema", json_schema: { name: "person", schema } },
      },
      "claude",
      false,
    );
    expect(jsonTool).toBe("json_response");
    expect(body.max_tokens).toBe(100);
    expect(body.tools).toEqual([
      { name: "json_response", description: expect.any(String), input_schema: schema },
    ]);
    expect(body.tool_choice).toEqual({ type: "tool", name: "json_response" });
  });
});
