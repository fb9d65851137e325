import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { type GatewayHarness, startGatewayHarness } from "@switchyard/gateway/testing";
import { generateText, streamText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let harness: GatewayHarness;
let switchyard: ReturnType<typeof createOpenAICompatible>;

beforeAll(async () => {
  harness = await startGatewayHarness();
  switchyard = createOpenAICompatible({
    name: "switchyard",
    baseURL: harness.apiUrl,
    apiKey: harness.org.apiKey,
    includeUsage: true,
  });
});
afterAll(() => harness.close());

describe("the Vercel ai SDK (openai-compatible provider)", () => {
  it("generateText returns text and usage", async () => {
    const result = await generateText({
      model: switchyard("anthropic/claude-3.5-haiku"),
      prompt: "Write one sentence about trains.",
      maxOutputTokens: 50,
    });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it("streamText streams text deltas to the end", async () => {
    const result = streamText({
      model: switchyard("google/gemini-2.0-flash-001"),
      prompt: "Count to five.",
      maxOutputTokens: 50,
    });
    let text = "";
    for await (const delta of result.textStream) text += delta;
    expect(text.length).toBeGreaterThan(0);
    expect(await result.finishReason).toMatch(/stop|length/);
  });
});
