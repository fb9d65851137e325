import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSseBody, type RunningSim, startSim, uniqueProvider } from "./harness.ts";
import type { AnError, AnMessage } from "./wire-types.ts";

type Body = AnMessage & AnError;
const wire = (value: unknown) => value as Body;

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

const HEADERS = { "x-api-key": "sk-ant-test", "anthropic-version": "2023-06-01" };

function post(body: unknown, headers: Record<string, string> = HEADERS) {
  return fetch(`${sim.url}/${uniqueProvider("anthropic")}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

const base = {
  model: "claude-sonnet-4",
  max_tokens: 200,
  system: "You are terse.",
  messages: [{ role: "user", content: [{ type: "text", text: "Hello" }] }],
};
const tool = {
  name: "lookup",
  description: "Look up a thing",
  input_schema: {
    type: "object",
    properties: { query: { type: "string" }, limit: { type: "integer" } },
    required: ["query"],
  },
};

describe("Anthropic Messages", () => {
  it("answers a message with text content, end_turn and usage", async () => {
    const res = await post(base);
    expect(res.status).toBe(200);
    const body = await res.json().then(wire);
    expect(body).toMatchObject({
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4",
      stop_reason: "end_turn",
      stop_sequence: null,
    });
    expect(body.id).toMatch(/^msg_/);
    expect(body.content[0]!.type).toBe("text");
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    expect(body.usage.cache_read_input_tokens).toBe(0);
    expect(body.usage.output_tokens).toBe(body.content[0]!.text.split(" ").length);
  });

  it("stops with max_tokens when the budget is exhausted", async () => {
    const body = await (await post({ ...base, max_tokens: 2 })).json().then(wire);
    expect(body.stop_reason).toBe("max_tokens");
    expect(body.usage.output_tokens).toBe(2);
  });

  it("streams the real event sequence", async () => {
    const res = await post({ ...base, stream: true });
    const events = parseSseBody(await res.text());
    const names = events.map((e) => e.event);
    expect(names.slice(0, 3)).toEqual(["message_start", "content_block_start", "ping"]);
    expect(names.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);
    for (const e of events) expect(JSON.parse(e.data).type).toBe(e.event);
    const deltas = events
      .filter((e) => e.event === "content_block_delta")
      .map((e) => JSON.parse(e.data).delta);
    expect(deltas.every((d) => d.type === "text_delta")).toBe(true);
    const messageDelta = JSON.parse(events.at(-2)?.data ?? "{}");
    expect(messageDelta.delta.stop_reason).toBe("end_turn");
    expect(messageDelta.usage.output_tokens).toBe(
      deltas
        .map((d) => d.text)
        .join("")
        .split(" ").length,
    );
  });

  it("answers with a tool_use block when tools are offered", async () => {
    const body = await (await post({ ...base, tools: [tool] })).json().then(wire);
    expect(body.stop_reason).toBe("tool_use");
    expect(body.content[0]).toMatchObject({ type: "tool_use", name: "lookup" });
    expect(body.content[0]!.id).toMatch(/^toolu_/);
    expect(typeof body.content[0]!.input.query).toBe("string");
  });

  it("streams tool input as input_json_delta fragments", async () => {
    const events = parseSseBody(await (await post({ ...base, tools: [tool], stream: true })).text());
    const start = JSON.parse(events[1]?.data ?? "{}");
    expect(start.content_block).toMatchObject({ type: "tool_use", name: "lookup", input: {} });
    const json = events
      .filter((e) => e.event === "content_block_delta")
      .map((e) => JSON.parse(e.data).delta)
      .map((d) => {
        expect(d.type).toBe("input_json_delta");
        return d.partial_json;
      })
      .join("");
    expect(typeof JSON.parse(json).query).toBe("string");
  });

  it("quotes a tool_result in its text answer", async () => {
    const body = await (
      await post({
        ...base,
        tools: [tool],
        messages: [
          ...base.messages,
          {
            role: "assistant",
            content: [{ type: "tool_use", id: "toolu_1", name: "lookup", input: { query: "x" } }],
          },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "forty-two" }] },
        ],
      })
    )
      .json()
      .then(wire);
    expect(body.stop_reason).toBe("end_turn");
    expect(body.content[0]!.text).toContain("forty-two");
  });

  it("rejects a missing x-api-key with 401 authentication_error", async () => {
    const res = await post(base, { "anthropic-version": "2023-06-01" });
    expect(res.status).toBe(401);
    expect(await res.json().then(wire)).toMatchObject({
      type: "error",
      error: { type: "authentication_error" },
    });
  });

  it("rejects a missing anthropic-version with 400 invalid_request_error", async () => {
    const res = await post(base, { "x-api-key": "k" });
    expect(res.status).toBe(400);
    expect(await res.json().then(wire)).toMatchObject({
      type: "error",
      error: { type: "invalid_request_error" },
    });
  });

  it.each([
    ["missing max_tokens", { model: "c", messages: base.messages }],
    ["empty messages", { ...base, messages: [] }],
    ["a system role inside messages", { ...base, messages: [{ role: "system", content: "x" }] }],
    ["an unknown content block", { ...base, messages: [{ role: "user", content: [{ type: "video" }] }] }],
  ])("rejects %s with 400", async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const err = await res.json().then(wire);
    expect(err.type).toBe("error");
    expect(err.error.type).toBe("invalid_request_error");
  });
});
