import { apiKeys } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, startGatewayHarness } from "../support/harness.ts";

let harness: GatewayHarness;
let disabledKey: string;
let expiredKey: string;

beforeAll(async () => {
  harness = await startGatewayHarness();
  const disabled = await createTestOrg(harness.db);
  await harness.db.update(apiKeys).set({ disabled: true }).where(eq(apiKeys.id, disabled.keyId));
  disabledKey = disabled.apiKey;
  const expired = await createTestOrg(harness.db);
  await harness.db
    .update(apiKeys)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(apiKeys.id, expired.keyId));
  expiredKey = expired.apiKey;
});
afterAll(() => harness.close());

const user = [{ role: "user", content: "hi" }];

interface BadCase {
  name: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  key?: () => string | null;
  status: number;
}

const cases: BadCase[] = [
  { name: "not JSON", raw: "{not json", status: 400 },
  { name: "empty body", raw: "", status: 400 },
  { name: "JSON array", body: [1, 2], status: 400 },
  { name: "JSON string", body: "hello", status: 400 },
  { name: "JSON null", raw: "null", status: 400 },
  { name: "missing messages", body: { model: "openai/gpt-4o-mini" }, status: 400 },
  { name: "messages not an array", body: { model: "openai/gpt-4o-mini", messages: "hi" }, status: 400 },
  { name: "empty messages", body: { model: "openai/gpt-4o-mini", messages: [] }, status: 400 },
  {
    name: "unknown role",
    body: { model: "openai/gpt-4o-mini", messages: [{ role: "robot", content: "x" }] },
    status: 400,
  },
  {
    name: "content a number",
    body: { model: "openai/gpt-4o-mini", messages: [{ role: "user", content: 42 }] },
    status: 400,
  },
  {
    name: "tool message without id",
    body: { model: "openai/gpt-4o-mini", messages: [{ role: "tool", content: "x" }] },
    status: 400,
  },
  { name: "missing model", body: { messages: user }, status: 400 },
  { name: "model a number", body: { model: 7, messages: user }, status: 400 },
  { name: "unknown model", body: { model: "nobody/no-such-model", messages: user }, status: 400 },
  {
    name: "temperature too high",
    body: { model: "openai/gpt-4o-mini", messages: user, temperature: 7 },
    status: 400,
  },
  {
    name: "temperature a string",
    body: { model: "openai/gpt-4o-mini", messages: user, temperature: "hot" },
    status: 400,
  },
  {
    name: "negative max_tokens",
    body: { model: "openai/gpt-4o-mini", messages: user, max_tokens: -5 },
    status: 400,
  },
  {
    name: "fractional max_tokens",
    body: { model: "openai/gpt-4o-mini", messages: user, max_tokens: 1.5 },
    status: 400,
  },
  { name: "top_p above 1", body: { model: "openai/gpt-4o-mini", messages: user, top_p: 1.5 }, status: 400 },
  { name: "n = 2", body: { model: "openai/gpt-4o-mini", messages: user, n: 2 }, status: 400 },
  {
    name: "stream a string",
    body: { model: "openai/gpt-4o-mini", messages: user, stream: "yes" },
    status: 400,
  },
  {
    name: "five stop sequences",
    body: { model: "openai/gpt-4o-mini", messages: user, stop: ["a", "b", "c", "d", "e"] },
    status: 400,
  },
  {
    name: "tools not an array",
    body: { model: "openai/gpt-4o-mini", messages: user, tools: {} },
    status: 400,
  },
  {
    name: "tool with a bad name",
    body: {
      model: "openai/gpt-4o-mini",
      messages: user,
      tools: [{ type: "function", function: { name: "has space" } }],
    },
    status: 400,
  },
  {
    name: "bad tool_choice",
    body: { model: "openai/gpt-4o-mini", messages: user, tool_choice: "sometimes" },
    status: 400,
  },
  {
    name: "bad response_format",
    body: { model: "openai/gpt-4o-mini", messages: user, response_format: { type: "yaml" } },
    status: 400,
  },
  {
    name: "provider.sort unknown",
    body: { model: "openai/gpt-4o-mini", messages: user, provider: { sort: "vibes" } },
    status: 400,
  },
  {
    name: "negative max_price",
    body: { model: "openai/gpt-4o-mini", messages: user, provider: { max_price: { prompt: -1 } } },
    status: 400,
  },
  {
    name: "image part without url",
    body: {
      model: "openai/gpt-4o",
      messages: [{ role: "user", content: [{ type: "image_url", image_url: {} }] }],
    },
    status: 400,
  },
  {
    name: "huge body",
    raw: JSON.stringify({
      model: "openai/gpt-4o-mini",
      messages: [{ role: "user", content: "x".repeat(5 * 1024 * 1024) }],
    }),
    status: 413,
  },
  { name: "no API key", body: { model: "openai/gpt-4o-mini", messages: user }, key: () => null, status: 401 },
  {
    name: "malformed Authorization",
    body: { model: "openai/gpt-4o-mini", messages: user },
    headers: { authorization: "Token abc" },
    status: 401,
  },
  {
    name: "unknown API key",
    body: { model: "openai/gpt-4o-mini", messages: user },
    key: () => "sk-sy-v1-doesnotexist",
    status: 401,
  },
  {
    name: "not our key format",
    body: { model: "openai/gpt-4o-mini", messages: user },
    key: () => "sk-proj-openai",
    status: 401,
  },
  {
    name: "disabled key",
    body: { model: "openai/gpt-4o-mini", messages: user },
    key: () => disabledKey,
    status: 401,
  },
  {
    name: "expired key",
    body: { model: "openai/gpt-4o-mini", messages: user },
    key: () => expiredKey,
    status: 401,
  },
  {
    name: "only excludes every provider",
    body: { model: "openai/gpt-4o-mini", messages: user, provider: { only: ["nobody"] } },
    status: 404,
  },
  {
    name: "max_price below every endpoint",
    body: { model: "openai/gpt-4o", messages: user, provider: { max_price: { prompt: 0.01 } } },
    status: 404,
  },
];

describe("malformed input", () => {
  it.each(cases)("answers $name with $status in the OpenAI error shape", async (testCase) => {
    const key = testCase.key ? testCase.key() : harness.org.apiKey;
    const headers: Record<string, string> = { "content-type": "application/json", ...testCase.headers };
    if (key && !testCase.headers?.authorization) headers.authorization = `Bearer ${key}`;
    const response = await fetch(`${harness.apiUrl}/chat/completions`, {
      method: "POST",
      headers,
      body: testCase.raw ?? JSON.stringify(testCase.body),
    });
    expect(response.status).toBe(testCase.status);
    const body = (await response.json()) as { error: { message: string; type: string; code: unknown } };
    expect(typeof body.error.message).toBe("string");
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(typeof body.error.type).toBe("string");
    expect(body.error.code).toBeDefined();
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("has at least 30 cases and is still serving afterwards", async () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const response = await fetch(`${harness.apiUrl}/models`);
    expect(response.status).toBe(200);
  });

  it("names the filters that excluded each candidate when nothing can serve", async () => {
    const response = await fetch(`${harness.apiUrl}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${harness.org.apiKey}` },
      body: JSON.stringify({
        model: "meta-llama/llama-3.3-70b-instruct",
        messages: user,
        provider: { only: ["openai"] },
      }),
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as {
      error: { message: string; metadata: { availability: { excluded_by: string[] } } };
    };
    expect(body.error.metadata.availability.excluded_by).toContain("request_only");
    expect(body.error.message).toMatch(/meta-llama\/llama-3.3-70b-instruct/);
  });

  describe("bodies sent in chunks, without a content-length", () => {
    // A body still arriving when the handler reads it: the streamed read, not the buffered one.
    function chunked(parts: string[]) {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const part of parts) {
            controller.enqueue(new TextEncoder().encode(part));
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          controller.close();
        },
      });
      return fetch(`${harness.apiUrl}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${harness.org.apiKey}` },
        body,
        duplex: "half",
      } as RequestInit);
    }

    it("reads a body that trickles in", async () => {
      const json = JSON.stringify({ model: "openai/gpt-4o-mini", messages: user, max_tokens: 8 });
      const response = await chunked([json.slice(0, 10), json.slice(10, 40), json.slice(40)]);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { object: string }).object).toBe("chat.completion");
    });

    it("refuses one that grows past the limit with a 413", async () => {
      const megabyte = "x".repeat(1024 * 1024);
      const response = await chunked(['{"messages":[{"role":"user","content":"', ...Array(5).fill(megabyte)]);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    });
  });

  it("answers unknown routes with a 404 in the error shape", async () => {
    const response = await fetch(`${harness.apiUrl}/nope`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
