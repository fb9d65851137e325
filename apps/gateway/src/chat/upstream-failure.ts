import { type CallSignal, UpstreamError } from "@switchyard/providers";
import { ApiError, type ApiErrorStatus } from "../errors.ts";

const ANSWERABLE = new Set<number>([400, 401, 402, 403, 404, 408, 413, 429, 502, 503]);

/** The client-facing error for an upstream failure; 5xx messages are generic, never upstream text. */
export function apiErrorFromUpstream(error: UpstreamError, provider: string): ApiError {
  const status = (ANSWERABLE.has(error.status) ? error.status : 502) as ApiErrorStatus;
  const message =
    status >= 500
      ? `The provider ${provider} failed to answer (${error.code}).`
      : status === 408
        ? `The provider ${provider} did not answer in time.`
        : status === 429
          ? `The provider ${provider} is rate limiting requests; retry shortly.`
          : error.message;
  return new ApiError(status, error.code, message, {
    metadata: {
      error_type: error.code,
      provider_name: provider,
      ...(status < 500 && error.providerCode ? { provider_code: error.providerCode } : {}),
    },
    ...(error.retryAfterMs
      ? { headers: { "retry-after": String(Math.ceil(error.retryAfterMs / 1000)) } }
      : {}),
  });
}

const CLIENT_GONE = new UpstreamError({
  code: "cancelled",
  message: "client disconnected",
  status: 499,
  retryable: false,
});

const DEADLINE_PASSED = new UpstreamError({
  code: "timeout",
  message: "request deadline passed",
  status: 408,
  retryable: false,
});

/** Why the request's own signal fired: its deadline passed, or the client went away. */
export function failureFromAbort(signal: CallSignal): UpstreamError {
  return (signal.reason as { name?: string } | undefined)?.name === "TimeoutError"
    ? DEADLINE_PASSED
    : CLIENT_GONE;
}

export function asUpstreamError(error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  return new UpstreamError({
    code: "bad_response",
    message: "unexpected upstream failure",
    status: 502,
    retryable: true,
  });
}

/** User errors (400/413) say nothing about the provider's health. */
export function countsAgainstHealth(error: UpstreamError): boolean {
  return error.code !== "cancelled" && error.status !== 400 && error.status !== 413;
}
