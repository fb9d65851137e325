import { describe, expect, it } from "vitest";
import { fixture } from "../testing/fixtures.ts";
import { openAIErrorFromResponse } from "./errors.ts";

describe("openAIErrorFromResponse", () => {
  it("maps a context-length 400 to context_length_exceeded, not retryable", () => {
    const err = openAIErrorFromResponse(400, {}, fixture(import.meta.url, "error-context-length.json"));
    expect(err).toMatchObject({
      code: "context_length_exceeded",
      status: 400,
      retryable: false,
      providerCode: "context_length_exceeded",
      upstreamStatus: 400,
    });
  });

  it("maps 429 to rate_limited with retry-after", () => {
    const err = openAIErrorFromResponse(
      429,
      { "retry-after": "2" },
      fixture(import.meta.url, "error-rate-limit.json"),
    );
    expect(err).toMatchObject({
      code: "rate_limited",
      status: 429,
      retryable: true,
      retryAfterMs: 2000,
      providerCode: "rate_limit_exceeded",
    });
  });

  it("maps an unparseable 500 body to server_error 502", () => {
    expect(openAIErrorFromResponse(500, {}, "<html>oops</html>")).toMatchObject({
      code: "server_error",
      status: 502,
      retryable: true,
    });
  });
});
