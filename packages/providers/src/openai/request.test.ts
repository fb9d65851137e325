import { describe, expect, it } from "vitest";
import type { ChatRequest } from "../types.ts";
import { COMPATIBLE_DIALECT, COMPATIBLE_OVERRIDES, dialectFor, OPENAI_DIALECT } from "./options.ts";
import { toOpenAIRequest } from "./request.ts";

const request: ChatRequest = {
  model: "ignored",
  messages: [
    { role: "developer", content: "Be brief." },
    { role: "user", content: "Hi" },
  ],
  max_tokens: 50,
  seed: 7,
  top_k: 40,
  stop: ["\n\n"],
  tools: [{ type: "function", function: { name: "f", parameters: { type: "object" } } }],
  tool_choice: "required",
  response_format: { type: "json_object" },
};

describe("toOpenAIRequest", () => {
  it("sends OpenAI max_completion_tokens, seed, stream_options and keeps the developer role", () => {
    const wire = toOpenAIRequest(request, "gpt-4o", OPENAI_DIALECT, true);
    expect(wire).toMatchObject({
      model: "gpt-4o",
      max_completion_tokens: 50,
      seed: 7,
      stream: true,
      stream_options: { include_usage: true },
      stop: ["\n\n"],
      tool_choice: "required",
      response_format: { type: "json_object" },
    });
    expect(wire.max_tokens).toBeUndefined();
    expect(wire.top_k).toBeUndefined();
    expect(wire.messages[0]?.role).toBe("developer");
  });

  it("uses max_tokens, top_k and the system role for compatible hosts", () => {
    const wire = toOpenAIRequest(request, "llama", COMPATIBLE_DIALECT, false);
    expect(wire).toMatchObject({ max_tokens: 50, top_k: 40, seed: 7 });
    expect(wire.stream).toBeUndefined();
    expect(wire.messages[0]?.role).toBe("system");
  });

  it("applies Mistral's quirks: random_seed instead of seed and no stream_options", () => {
    const dialect = dialectFor(
      { format: "openai_compatible", dialect: COMPATIBLE_DIALECT, overrides: COMPATIBLE_OVERRIDES },
      "mistral",
    );
    const wire = toOpenAIRequest(request, "mistral-large", dialect, true);
    expect(wire.random_seed).toBe(7);
    expect(wire.seed).toBeUndefined();
    expect(wire.stream_options).toBeUndefined();
    expect(wire.stream).toBe(true);
  });
});
