import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSseBody, type RunningSim, startSim, uniqueProvider } from "./harness.ts";
import type { GmError, GmResponse } from "./wire-types.ts";

type Body = GmResponse & GmError;
const wire = (value: unknown) => value as Body;

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

function post(
  method: string,
  body: unknown,
  opts: { query?: string; headers?: Record<string, string> } = {},
) {
  const headers = opts.headers ?? { "x-goog-api-key": "AIza-test" };
  return fetch(
    `${sim.url}/${uniqueProvider("gemini")}/v1beta/models/gemini-2.0-flash:${method}${opts.query ?? ""}`,
    {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    },
  );
}

const base = {
  systemInstruction: { parts: [{ text: "Be brief." }] },
  contents: [{ role: "user", parts: [{ text: "Hello" }] }],
  generationConfig: { temperature: 0.2, maxOutputTokens: 100 },
};
const tools = [
  {
    functionDeclarations: [
      {
        name: "find_flight",
        parameters: { type: "OBJECT", properties: { from: { type: "STRING" }, seats: { type: "INTEGER" } } },
      },
    ],
  },
];

describe("Gemini generateContent", () => {
  it("answers with candidates, STOP and usageMetadata", async () => {
    const res = await post("generateContent", base);
    expect(res.status).toBe(200);
    const body = await res.json().then(wire);
    expect(body.candidates[0]).toMatchObject({ content: { role: "model" }, finishReason: "STOP", index: 0 });
    const text = body.candidates[0]!.content.parts[0]!.text;
    expect(body.usageMetadata.candidatesTokenCount).toBe(text.split(" ").length);
    expect(body.usageMetadata.totalTokenCount).toBe(
      body.usageMetadata.promptTokenCount + body.usageMetadata.candidatesTokenCount,
    );
    expect(body.modelVersion).toBe("gemini-2.0-flash");
    expect(typeof body.responseId).toBe("string");
  });

  it("accepts the key as ?key= and honours maxOutputTokens with MAX_TOKENS", async () => {
    const res = await post(
      "generateContent",
      { ...base, generationConfig: { maxOutputTokens: 2 } },
      { query: "?key=abc", headers: {} },
    );
    const body = await res.json().then(wire);
    expect(body.candidates[0]!.finishReason).toBe("MAX_TOKENS");
    expect(body.usageMetadata.candidatesTokenCount).toBe(2);
  });

  it("streams GenerateContentResponse objects over SSE with CRLF separators", async () => {
    const res = await post("streamGenerateContent", base, { query: "?alt=sse" });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const raw = await res.text();
    expect(raw).toContain("\r\n\r\n");
    const chunks = parseSseBody(raw).map((e) => JSON.parse(e.data));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.at(-1).candidates[0]!.finishReason).toBe("STOP");
    expect(chunks.slice(0, -1).every((c) => c.candidates[0]!.finishReason === undefined)).toBe(true);
    const text = chunks.map((c) => c.candidates[0]!.content.parts[0]!.text).join("");
    expect(chunks.at(-1).usageMetadata.candidatesTokenCount).toBe(text.split(" ").length);
  });

  it("answers streamGenerateContent without alt=sse as one JSON array", async () => {
    const body = (await (await post("streamGenerateContent", base)).json()) as GmResponse[];
    expect(Array.isArray(body)).toBe(true);
    expect(body.at(-1)?.candidates[0]?.finishReason).toBe("STOP");
  });

  it("calls a declared function, honouring toolConfig ANY with allowedFunctionNames", async () => {
    const body = await (
      await post("generateContent", {
        ...base,
        tools,
        toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["find_flight"] } },
      })
    )
      .json()
      .then(wire);
    const part = body.candidates[0]!.content.parts[0]!;
    expect(part.functionCall.name).toBe("find_flight");
    expect(typeof part.functionCall.args.from).toBe("string");
    expect(Number.isInteger(part.functionCall.args.seats)).toBe(true);
  });

  it("does not call functions with mode NONE", async () => {
    const body = await (
      await post("generateContent", {
        ...base,
        tools,
        toolConfig: { functionCallingConfig: { mode: "NONE" } },
      })
    )
      .json()
      .then(wire);
    expect(body.candidates[0]!.content.parts[0]!.text).toEqual(expect.any(String));
  });

  it("quotes a functionResponse in its answer", async () => {
    const body = await (
      await post("generateContent", {
        ...base,
        tools,
        contents: [
          ...base.contents,
          { role: "model", parts: [{ functionCall: { name: "find_flight", args: { from: "AMS" } } }] },
          {
            role: "user",
            parts: [{ functionResponse: { name: "find_flight", response: { flight: "KL1001" } } }],
          },
        ],
      })
    )
      .json()
      .then(wire);
    expect(body.candidates[0]!.content.parts[0]!.text).toContain("KL1001");
  });

  it("emits JSON matching responseSchema when responseMimeType is application/json", async () => {
    const body = await (
      await post("generateContent", {
        ...base,
        generationConfig: {
          responseMimeType: "application/json",
          responseSchema: {
            type: "OBJECT",
            properties: { ok: { type: "BOOLEAN" }, items: { type: "ARRAY", items: { type: "NUMBER" } } },
          },
        },
      })
    )
      .json()
      .then(wire);
    const parsed = JSON.parse(body.candidates[0]!.content.parts[0]!.text);
    expect(typeof parsed.ok).toBe("boolean");
    expect(parsed.items.every((n: unknown) => typeof n === "number")).toBe(true);
  });

  it("rejects a missing key with UNAUTHENTICATED", async () => {
    const res = await post("generateContent", base, { headers: {} });
    expect(res.status).toBe(401);
    expect((await res.json().then(wire)).error).toMatchObject({ code: 401, status: "UNAUTHENTICATED" });
  });

  it.each([
    ["no contents", { generationConfig: {} }],
    ["a bad role", { contents: [{ role: "assistant", parts: [{ text: "x" }] }] }],
    ["empty parts", { contents: [{ role: "user", parts: [] }] }],
  ])("rejects %s with 400 INVALID_ARGUMENT", async (_name, body) => {
    const res = await post("generateContent", body);
    expect(res.status).toBe(400);
    expect((await res.json().then(wire)).error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
  });
});
