import { describe, expect, it } from "vitest";
import { fixture } from "../testing/fixtures.ts";
import { anthropicErrorFromResponse } from "./errors.ts";

describe("anthropicErrorFromResponse", () => {
  it("maps 529 overloaded_error to overloaded 503, retryable", () => {
    expect(
      anthropicErrorFromResponse(529, {}, fixture(import.meta.url, "error-overloaded.json")),
    ).toMatchObject({
      code: "overloaded",
      status: 503,
      retryable: true,
      upstreamStatus: 529,
      providerCode: "overloaded_error",
    });
  });

  it("maps 'prompt is too long' to context_length_exceeded", () => {
    expect(
      anthropicErrorFromResponse(400, {}, fixture(import.meta.url, "error-prompt-too-long.json")),
    ).toMatchObject({
      code: "context_length_exceeded",
      status: 400,
      retryable: false,
    });
  });

  it("maps 401 authentication_error to a retryable 502 (our key, not the caller's)", () => {
    const body = JSON.stringify({
      type: "error",
      error: { type: "authentication_error", message: "invalid x-api-key" },
    });
    expect(anthropicErrorFromResponse(401, {}, body)).toMatchObject({
      code: "authentication",
      status: 502,
      retryable: true,
    });
  });
});
