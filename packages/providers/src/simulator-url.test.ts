import { describe, expect, it } from "vitest";
import { adapters, getAdapter } from "./registry.ts";
import { simulatorBaseUrl } from "./simulator-url.ts";

describe("simulatorBaseUrl", () => {
  it.each([
    ["openai", "https://api.openai.com/v1", "http://127.0.0.1:8090/openai/v1"],
    ["anthropic", "https://api.anthropic.com", "http://127.0.0.1:8090/anthropic"],
    ["groq", "https://api.groq.com/openai/v1/", "http://127.0.0.1:8090/groq/openai/v1"],
    [
      "google-ai-studio",
      "https://generativelanguage.googleapis.com",
      "http://127.0.0.1:8090/google-ai-studio",
    ],
  ])("points %s at the simulator", (id, real, expected) => {
    expect(simulatorBaseUrl("http://127.0.0.1:8090", id, real)).toBe(expected);
  });
});

describe("registry", () => {
  it("has one adapter per format, each reporting its format", () => {
    for (const format of ["openai", "anthropic", "gemini", "openai_compatible"] as const) {
      expect(getAdapter(format)).toBe(adapters[format]);
      expect(adapters[format].format).toBe(format);
    }
  });
});
