import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeUpstreamPools, getAdapter } from "../src/index.ts";
import type { ChatCompletionChunk, ChatRequest, ToolCall } from "../src/types.ts";
import { callOptions, collect, FORMATS, type RunningSim, startSim, targetFor } from "./harness.ts";

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await closeUpstreamPools();
  await sim.close();
});

const hello: ChatRequest = {
  model: "unused",
  messages: [
    { role: "system", content: "You are terse." },
    { role: "user", content: "Say hello" },
  ],
  max_tokens: 200,
};

const weather: ChatRequest = {
  ...hello,
  tools: [
    {
      type: "function",
      function: {
        name: "get_weather",
        description: "Weather for a city",
        parameters: {
          type: "object",
          properties: { city: { type: "string" }, days: { type: "integer", minimum: 1, maximum: 5 } },
          required: ["city", "days"],
        },
      },
    },
  ],
};

function streamedText(chunks: ChatCompletionChunk[]): string {
  return chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
}

function streamedToolCalls(chunks: ChatCompletionChunk[]): ToolCall[] {
  const calls: ToolCall[] = [];
  for (const c of chunks) {
    for (const d of c.choices[0]?.delta.tool_calls ?? []) {
      calls[d.index] ??= { id: "", type: "function", function: { name: "", arguments: "" } };
      const call = calls[d.index] as ToolCall;
      if (d.id) call.id = d.id;
      if (d.function?.name) call.function.name = d.function.name;
      call.function.arguments += d.function?.arguments ?? "";
    }
  }
  return calls;
}

describe.each(FORMATS)("%s adapter against provider-sim", (format) => {
  const adapter = getAdapter(format);

  it("completes a chat with text, finish stop and usage", async () => {
    const completion = await adapter.complete(hello, targetFor(sim, format), callOptions());
    const choice = completion.choices[0];
    expect(choice?.message.content?.length).toBeGreaterThan(0);
    expect(choice?.finish_reason).toBe("stop");
    expect(choice?.native_finish_reason).toEqual(expect.any(String));
    expect(completion.usage.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage.completion_tokens).toBe(choice?.message.content?.split(" ").length);
    expect(completion.usage.total_tokens).toBe(
      completion.usage.prompt_tokens + completion.usage.completion_tokens,
    );
  });

  it("streams the same text as the JSON call, ending with finish and usage", async () => {
    const target = targetFor(sim, format);
    const completion = await adapter.complete(hello, target, callOptions());
    const chunks = await collect(await adapter.stream(hello, target, callOptions()));
    expect(chunks[0]?.choices[0]?.delta.role).toBe("assistant");
    expect(streamedText(chunks)).toBe(completion.choices[0]?.message.content);
    expect(chunks.some((c) => c.choices[0]?.finish_reason === "stop")).toBe(true);
    expect(chunks.at(-1)?.usage).toEqual(
      expect.objectContaining({ completion_tokens: completion.usage.completion_tokens }),
    );
  });

  it("maps max_tokens exhaustion to finish length", async () => {
    const completion = await adapter.complete(
      { ...hello, max_tokens: 3 },
      targetFor(sim, format),
      callOptions(),
    );
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(completion.usage.completion_tokens).toBe(3);
  });

  it("round-trips a tool call: tool_calls out, tool result in, text quoting it back", async () => {
    const target = targetFor(sim, format);
    const first = await adapter.complete(weather, target, callOptions());
    expect(first.choices[0]?.finish_reason).toBe("tool_calls");
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(call?.function.name).toBe("get_weather");
    const args = JSON.parse(call?.function.arguments ?? "");
    expect(typeof args.city).toBe("string");
    expect(Number.isInteger(args.days)).toBe(true);

    const second = await adapter.complete(
      {
        ...weather,
        messages: [
          ...weather.messages,
          { role: "assistant", content: null, tool_calls: [call as ToolCall] },
          { role: "tool", tool_call_id: call?.id ?? "", content: "sunny-and-21C" },
        ],
      },
      target,
      callOptions(),
    );
    expect(second.choices[0]?.finish_reason).toBe("stop");
    expect(second.choices[0]?.message.content).toContain("sunny-and-21C");
  });

  it("streams tool calls that assemble into valid arguments", async () => {
    const chunks = await collect(await adapter.stream(weather, targetFor(sim, format), callOptions()));
    const calls = streamedToolCalls(chunks);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.id.length).toBeGreaterThan(0);
    expect(calls[0]?.function.name).toBe("get_weather");
    expect(JSON.parse(calls[0]?.function.arguments ?? "")).toEqual({
      city: expect.any(String),
      days: expect.any(Number),
    });
    expect(chunks.some((c) => c.choices[0]?.finish_reason === "tool_calls")).toBe(true);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("honours tool_choice none", async () => {
    const completion = await adapter.complete(
      { ...weather, tool_choice: "none" },
      targetFor(sim, format),
      callOptions(),
    );
    expect(completion.choices[0]?.message.tool_calls).toBeUndefined();
    expect(completion.choices[0]?.finish_reason).toBe("stop");
  });

  it("returns JSON content valid for a json_schema response_format", async () => {
    const request: ChatRequest = {
      ...hello,
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "person",
          schema: {
            type: "object",
            properties: {
              name: { type: "string" },
              age: { type: "integer" },
              tags: { type: "array", items: { type: "string" } },
            },
            required: ["name", "age", "tags"],
            additionalProperties: false,
          },
        },
      },
    };
    const completion = await adapter.complete(request, targetFor(sim, format), callOptions());
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    const value = JSON.parse(completion.choices[0]?.message.content ?? "");
    expect(typeof value.name).toBe("string");
    expect(Number.isInteger(value.age)).toBe(true);
    expect(value.tags.every((t: unknown) => typeof t === "string")).toBe(true);

    const streamed = streamedText(
      await collect(await adapter.stream(request, targetFor(sim, format), callOptions())),
    );
    expect(Object.keys(JSON.parse(streamed)).sort()).toEqual(["age", "name", "tags"]);
  });
});
