import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings/settings.ts";
import { generateOutput } from "./generate.ts";
import type { SimRequest } from "./types.ts";

const request: SimRequest = {
  model: "m",
  conversationKey: JSON.stringify([{ role: "user", content: "hello there" }]),
  maxTokens: undefined,
  stop: [],
  tools: [],
  toolChoice: { type: "auto" },
  last: { kind: "user" },
  output: { kind: "text" },
  stream: false,
  includeUsage: false,
};

describe("generateOutput", () => {
  it("depends on the seed and the conversation only", () => {
    const a = generateOutput(request, DEFAULT_SETTINGS, 1);
    expect(generateOutput(request, DEFAULT_SETTINGS, 1)).toEqual(a);
    expect(generateOutput(request, DEFAULT_SETTINGS, 2)).not.toEqual(a);
  });

  it("counts one token per word and estimates prompt tokens at ~4 characters each", () => {
    const out = generateOutput(request, DEFAULT_SETTINGS, 1);
    if (out.kind !== "text") throw new Error("expected text");
    expect(out.usage.completionTokens).toBe(out.text.split(" ").length);
    expect(out.usage.promptTokens).toBe(Math.ceil(request.conversationKey.length / 4));
    expect(out.pieces.join("")).toBe(out.text);
  });

  it("cuts at a stop sequence with finish stop_sequence", () => {
    const full = generateOutput(request, DEFAULT_SETTINGS, 1);
    if (full.kind !== "text") throw new Error("expected text");
    const stop = full.text.split(" ")[2] ?? "";
    const out = generateOutput({ ...request, stop: [stop] }, DEFAULT_SETTINGS, 1);
    expect(out).toMatchObject({ kind: "text", finish: "stop_sequence", stopSequence: stop });
    if (out.kind === "text") expect(out.text).not.toContain(stop);
  });

  it("uses fixedResponse split into exactly chunkCount pieces", () => {
    const out = generateOutput(
      request,
      { ...DEFAULT_SETTINGS, fixedResponse: "a b c d e", chunkCount: 2 },
      1,
    );
    expect(out).toMatchObject({ kind: "text", text: "a b c d e", pieces: ["a b ", "c d e"] });
    expect(out.usage.completionTokens).toBe(5);
  });
});
