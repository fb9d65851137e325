import { describe, expect, it } from "vitest";
import { retryAfterMs } from "./retry-after.ts";
import { errorFromStatus } from "./status-error.ts";

describe("errorFromStatus", () => {
  it.each([
    [400, "bad_request", 400, false],
    [401, "authentication", 502, true],
    [403, "permission_denied", 502, true],
    [404, "not_found", 502, true],
    [408, "timeout", 408, true],
    [422, "bad_request", 400, false],
    [429, "rate_limited", 429, true],
    [500, "server_error", 502, true],
    [502, "server_error", 502, true],
    [503, "overloaded", 503, true],
    [529, "overloaded", 503, true],
  ] as const)("maps upstream %i to %s / %i / retryable=%s", (upstreamStatus, code, status, retryable) => {
    expect(errorFromStatus({ upstreamStatus, message: "m", providerCode: "p" })).toMatchObject({
      code,
      status,
      retryable,
      upstreamStatus,
      providerCode: "p",
    });
  });
});

describe("retryAfterMs", () => {
  it("reads seconds, retry-after-ms and HTTP dates", () => {
    expect(retryAfterMs({ "retry-after": "3" })).toBe(3000);
    expect(retryAfterMs({ "retry-after-ms": "250", "retry-after": "3" })).toBe(250);
    expect(
      retryAfterMs(
        { "retry-after": "Wed, 21 Oct 2015 07:28:10 GMT" },
        Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"),
      ),
    ).toBe(10_000);
    expect(retryAfterMs({})).toBeUndefined();
  });
});
