import { describe, expect, it } from "vitest";
import { fixture } from "../testing/fixtures.ts";
import { geminiErrorFromResponse } from "./errors.ts";

describe("geminiErrorFromResponse", () => {
  it("treats 400 'API key not valid' as our key's problem: authentication, 502, retryable", () => {
    expect(
      geminiErrorFromResponse(400, {}, fixture(import.meta.url, "error-invalid-key.json")),
    ).toMatchObject({
      code: "authentication",
      status: 502,
      retryable: true,
      providerCode: "INVALID_ARGUMENT",
    });
  });

  it("maps 429 RESOURCE_EXHAUSTED to rate_limited", () => {
    expect(
      geminiErrorFromResponse(429, { "retry-after": "30" }, fixture(import.meta.url, "error-quota.json")),
    ).toMatchObject({
      code: "rate_limited",
      status: 429,
      retryAfterMs: 30_000,
      providerCode: "RESOURCE_EXHAUSTED",
    });
  });

  it("maps 'exceeds the maximum number of tokens' to context_length_exceeded", () => {
    const body = JSON.stringify({
      error: {
        code: 400,
        message: "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).",
        status: "INVALID_ARGUMENT",
      },
    });
    expect(geminiErrorFromResponse(400, {}, body)).toMatchObject({
      code: "context_length_exceeded",
      retryable: false,
    });
  });
});
