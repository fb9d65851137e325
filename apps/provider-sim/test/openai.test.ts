import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSseBody, type RunningSim, startSim, uniqueProvider, weatherTool } from "./harness.ts";
import type { OaCompletion, OaError } from "./wire-types.ts";

type Body = OaCompletion & OaError;
const wire = (value: unknown) => value as Body;

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

function post(
  providerPath: string,
  body: unknown,
  headers: Record<string, string> = { authorization: "Bearer sk-test" },
) {
  return fetch(`${sim.url}/${providerPath}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

const hello = { model: "gpt-4o-mini", messages: [{ role: "user", content: "Say hello" }] };

describe("OpenAI chat completions", () => {
  it("answers a JSON completion with usage and finish_reason stop", async () => {
    const res = await post(`${uniqueProvider()}/v1`, hello);
    expect(res.status).toBe(200);
    const body = await res.json().then(wire);
    expect(body.object).toBe("chat.completion");
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(body.model).toBe("gpt-4o-mini");
    expect(body.choices[0]!.message.role).toBe("assistant");
    expect(body.choices[0]!.message.content.length).toBeGreaterThan(0);
    expect(body.choices[0]!.finish_reason).toBe("stop");
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(body.usage.completion_tokens).toBe(body.choices[0]!.message.content.split(" ").length);
  });

  it("serves OpenAI-compatible hosts under their real base path", async () => {
    const res = await post(`${uniqueProvider("groq")}/openai/v1`, hello);
    expect(res.status).toBe(200);
    expect((await res.json().then(wire)).object).toBe("chat.completion");
  });

  it("honours max_tokens with finish_reason length", async () => {
    const res = await post(`${uniqueProvider()}/v1`, { ...hello, max_tokens: 3 });
    const body = await res.json().then(wire);
    expect(body.choices[0]!.finish_reason).toBe("length");
    expect(body.usage.completion_tokens).toBe(3);
    expect(body.choices[0]!.message.content.split(" ")).toHaveLength(3);
  });

  it("streams chunks terminated by [DONE] with a usage chunk when include_usage is set", async () => {
    const res = await post(`${uniqueProvider()}/v1`, {
      ...hello,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = parseSseBody(await res.text());
    expect(events.at(-1)?.data).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data));
    expect(chunks[0].choices[0]!.delta.role).toBe("assistant");
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text.length).toBeGreaterThan(0);
    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(finish.choices[0]!.finish_reason).toBe("stop");
    const usageChunk = chunks.at(-1);
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage.completion_tokens).toBe(text.split(" ").length);
  });

  it("streams without a usage chunk when include_usage is absent", async () => {
    const res = await post(`${uniqueProvider()}/v1`, { ...hello, stream: true });
    const chunks = parseSseBody(await res.text())
      .slice(0, -1)
      .map((e) => JSON.parse(e.data));
    expect(chunks.every((c) => c.usage === undefined && c.choices.length === 1)).toBe(true);
  });

  it("calls the offered tool with arguments valid for its schema", async () => {
    const res = await post(`${uniqueProvider()}/v1`, { ...hello, tools: [weatherTool] });
    const body = await res.json().then(wire);
    expect(body.choices[0]!.finish_reason).toBe("tool_calls");
    const call = body.choices[0]!.message.tool_calls![0]!;
    expect(call.id).toMatch(/^call_/);
    expect(call.function.name).toBe("get_weather");
    const args = JSON.parse(call.function.arguments);
    expect(typeof args.city).toBe("string");
    expect(["c", "f"]).toContain(args.unit);
    expect(Number.isInteger(args.days) && args.days >= 1 && args.days <= 7).toBe(true);
  });

  it("streams tool calls as an id/name delta followed by argument fragments", async () => {
    const res = await post(`${uniqueProvider()}/v1`, { ...hello, tools: [weatherTool], stream: true });
    const chunks = parseSseBody(await res.text())
      .slice(0, -1)
      .map((e) => JSON.parse(e.data));
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({
      index: 0,
      type: "function",
      function: { name: "get_weather", arguments: "" },
    });
    expect(deltas.length).toBeGreaterThan(2);
    const args = deltas.map((d: { function: { arguments: string } }) => d.function.arguments).join("");
    expect(JSON.parse(args).city).toEqual(expect.any(String));
    expect(chunks.at(-1).choices[0]!.finish_reason).toBe("tool_calls");
  });

  it("answers with text quoting the tool result after a tool message", async () => {
    const res = await post(`${uniqueProvider()}/v1`, {
      ...hello,
      tools: [weatherTool],
      messages: [
        ...hello.messages,
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: "sunny and 21C" },
      ],
    });
    const body = await res.json().then(wire);
    expect(body.choices[0]!.finish_reason).toBe("stop");
    expect(body.choices[0]!.message.content).toContain("sunny and 21C");
  });

  it("does not call tools when tool_choice is none", async () => {
    const res = await post(`${uniqueProvider()}/v1`, { ...hello, tools: [weatherTool], tool_choice: "none" });
    expect((await res.json().then(wire)).choices[0]!.message.tool_calls).toBeUndefined();
  });

  it("emits JSON valid against a json_schema response_format", async () => {
    const schema = {
      type: "object",
      properties: {
        name: { type: "string" },
        age: { type: "integer" },
        tags: { type: "array", items: { type: "string" } },
      },
      required: ["name", "age", "tags"],
    };
    const res = await post(`${uniqueProvider()}/v1`, {
      ...hello,
      response_format: { type: "json_schema", json_schema: { name: "person", schema } },
    });
    const parsed = JSON.parse((await res.json().then(wire)).choices[0]!.message.content);
    expect(typeof parsed.name).toBe("string");
    expect(Number.isInteger(parsed.age)).toBe(true);
    expect(Array.isArray(parsed.tags)).toBe(true);
  });

  it("rejects a missing key with 401 invalid_api_key", async () => {
    const res = await post(`${uniqueProvider()}/v1`, hello, {});
    expect(res.status).toBe(401);
    const body = await res.json().then(wire);
    expect(body.error).toMatchObject({ type: "invalid_request_error", param: null, code: "invalid_api_key" });
    expect(body.error.message).toEqual(expect.any(String));
  });

  it.each([
    ["missing model", { messages: hello.messages }, null],
    ["empty messages", { model: "m", messages: [] }, "messages"],
    ["messages not an array", { model: "m", messages: "hi" }, "messages"],
    ["bad role", { model: "m", messages: [{ role: "robot", content: "x" }] }, "messages[0].role"],
  ])("rejects %s with 400 in OpenAI's error shape", async (_name, body, param) => {
    const res = await post(`${uniqueProvider()}/v1`, body);
    expect(res.status).toBe(400);
    const err = (await res.json().then(wire)).error;
    expect(err.type).toBe("invalid_request_error");
    expect(err.param).toBe(param);
  });

  it("is deterministic: the same request gets the same text, a different one differs", async () => {
    const provider = uniqueProvider();
    const a = await (await post(`${provider}/v1`, hello)).json().then(wire);
    const b = await (await post(`${provider}/v1`, hello)).json().then(wire);
    const c = await (
      await post(`${provider}/v1`, { ...hello, messages: [{ role: "user", content: "Other" }] })
    )
      .json()
      .then(wire);
    expect(a.choices[0]!.message.content).toBe(b.choices[0]!.message.content);
    expect(c.choices[0]!.message.content).not.toBe(a.choices[0]!.message.content);
  });
});
