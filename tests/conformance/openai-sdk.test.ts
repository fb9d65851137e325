import { type GatewayHarness, startGatewayHarness } from "@switchyard/gateway/testing";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let harness: GatewayHarness;
let client: OpenAI;

beforeAll(async () => {
  harness = await startGatewayHarness();
  client = new OpenAI({ baseURL: harness.apiUrl, apiKey: harness.org.apiKey, maxRetries: 0 });
});
afterAll(() => harness.close());

/** One model per upstream API format. */
const MODELS = [
  { format: "openai", model: "openai/gpt-4o-mini" },
  { format: "anthropic", model: "anthropic/claude-3.5-haiku" },
  { format: "gemini", model: "google/gemini-2.0-flash-001" },
  { format: "openai-compatible", model: "meta-llama/llama-3.3-70b-instruct" },
] as const;

const weatherTool = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Current weather for a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
    },
  },
};

describe.each(MODELS)("the official openai SDK against a $format model", ({ model }) => {
  it("completes a non-streaming chat with usage and cost", async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [
        { role: "system", content: "You are terse." },
        { role: "user", content: "Say hello." },
      ],
      max_tokens: 40,
    });
    expect(completion.id).toMatch(/^gen_/);
    expect(completion.model).toBe(model);
    expect(completion.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(["stop", "length"]).toContain(completion.choices[0]?.finish_reason);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    expect((completion.usage as unknown as { cost: number }).cost).toBeGreaterThan(0);
    expect((completion as unknown as { provider: string }).provider).toBeTruthy();
  });

  it("streams a chat and ends with one usage chunk", async () => {
    const stream = await client.chat.completions.create({
      model,
      messages: [{ role: "user", content: "Tell me a short story." }],
      max_tokens: 60,
      stream: true,
    });
    let text = "";
    const usageChunks: unknown[] = [];
    let finish: string | null = null;
    for await (const chunk of stream) {
      expect(chunk.id).toMatch(/^gen_/);
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usageChunks.push(chunk.usage);
    }
    expect(text.length).toBeGreaterThan(0);
    expect(["stop", "length"]).toContain(finish);
    expect(usageChunks).toHaveLength(1);
    expect((usageChunks[0] as { cost: number }).cost).toBeGreaterThan(0);
  });

  it("does a tool-calling round trip", async () => {
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
      { role: "user", content: "Weather in Paris?" },
    ];
    const first = await client.chat.completions.create({
      model,
      messages,
      tools: [weatherTool],
      max_tokens: 100,
    });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe("tool_calls");
    expect(call?.type).toBe("function");
    if (call?.type !== "function") throw new Error("expected a function tool call");
    expect(call.function.name).toBe("get_weather");
    expect(JSON.parse(call.function.arguments)).toHaveProperty("city");
    messages.push(first.choices[0]!.message, {
      role: "tool",
      tool_call_id: call.id,
      content: '{"temp_c": 21}',
    });
    const second = await client.chat.completions.create({
      model,
      messages,
      tools: [weatherTool],
      max_tokens: 100,
    });
    expect(second.choices[0]?.finish_reason).not.toBe("tool_calls");
    expect(second.choices[0]?.message.content?.length).toBeGreaterThan(0);
  });

  it("streams tool-call deltas that assemble into valid arguments", async () => {
    const stream = await client.chat.completions.create({
      model,
      messages: [{ role: "user", content: "Weather in Oslo?" }],
      tools: [weatherTool],
      tool_choice: { type: "function", function: { name: "get_weather" } },
      max_tokens: 100,
      stream: true,
    });
    let name = "";
    let args = "";
    for await (const chunk of stream) {
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        name += delta.function?.name ?? "";
        args += delta.function?.arguments ?? "";
      }
    }
    expect(name).toBe("get_weather");
    expect(JSON.parse(args)).toHaveProperty("city");
  });

  it("returns JSON matching a json_schema response format", async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [{ role: "user", content: "Describe a cat." }],
      max_tokens: 200,
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "animal",
          strict: true,
          schema: {
            type: "object",
            properties: { name: { type: "string" }, legs: { type: "integer" } },
            required: ["name", "legs"],
            additionalProperties: false,
          },
        },
      },
    });
    const parsed = JSON.parse(completion.choices[0]?.message.content ?? "");
    expect(typeof parsed.name).toBe("string");
    expect(Number.isInteger(parsed.legs)).toBe(true);
  });
});

describe("generation lookup", () => {
  it("returns the caller's generation with its route trace", async () => {
    const completion = await client.chat.completions.create({
      model: "openai/gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
      max_tokens: 10,
    });
    const deadline = Date.now() + 10_000;
    let body: { data?: { id: string; route_trace: { attempts: unknown[] }; total_cost: number } } = {};
    while (Date.now() < deadline) {
      const response = await fetch(`${harness.apiUrl}/generation?id=${completion.id}`, {
        headers: { authorization: `Bearer ${harness.org.apiKey}` },
      });
      if (response.status === 200) {
        body = (await response.json()) as typeof body;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(body.data?.id).toBe(completion.id);
    expect(body.data?.route_trace.attempts.length).toBeGreaterThanOrEqual(1);
    expect(body.data?.total_cost).toBeCloseTo((completion.usage as unknown as { cost: number }).cost, 12);
  });
});
