import { describe, expect, it } from "vitest";
import { makeEndpoint, makeProvider } from "../../testing/index.ts";
import { limitExclusion } from "./implicit-limits.ts";

const endpoint = makeEndpoint("m/x", makeProvider("p"), { contextLength: 1000, maxOutputTokens: 300 });

describe("limitExclusion", () => {
  it("excludes endpoints whose output limit is below max_tokens", () => {
    expect(limitExclusion(endpoint, { maxTokens: 301, estimatedPromptTokens: 0 })?.excludedBy).toBe(
      "max_tokens",
    );
    expect(limitExclusion(endpoint, { maxTokens: 300, estimatedPromptTokens: 700 })).toBeUndefined();
  });

  it("excludes endpoints whose context cannot hold prompt + max_tokens", () => {
    expect(limitExclusion(endpoint, { maxTokens: 300, estimatedPromptTokens: 701 })?.excludedBy).toBe(
      "context_length",
    );
    expect(limitExclusion(endpoint, { estimatedPromptTokens: 1001 })?.excludedBy).toBe("context_length");
    expect(limitExclusion(endpoint, { estimatedPromptTokens: 1000 })).toBeUndefined();
  });
});
