import { describe, expect, it } from "vitest";
import { matchIndex, providerMatches } from "./provider-slug.ts";

describe("providerMatches", () => {
  it("matches case-insensitively", () => {
    expect(providerMatches("deepinfra", "DeepInfra")).toBe(true);
  });

  it("lets a base slug match variants", () => {
    expect(providerMatches("deepinfra/turbo", "deepinfra")).toBe(true);
    expect(providerMatches("google-vertex/us-east5", "google-vertex")).toBe(true);
  });

  it("does not let a variant slug match the base provider or a prefix-named provider", () => {
    expect(providerMatches("deepinfra", "deepinfra/turbo")).toBe(false);
    expect(providerMatches("deepinfra2", "deepinfra")).toBe(false);
  });

  it("does not let a base slug match service-tier endpoints", () => {
    expect(providerMatches("openai/priority", "openai")).toBe(false);
    expect(providerMatches("google-vertex/flex", "google-vertex")).toBe(false);
    expect(providerMatches("openai/priority", "openai/priority")).toBe(true);
  });

  it("matchIndex returns the first matching slug", () => {
    expect(matchIndex("together", ["groq", "together", "together"])).toBe(1);
    expect(matchIndex("together", ["groq"])).toBe(-1);
  });
});
