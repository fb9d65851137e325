import { UpstreamError } from "../errors.ts";

export interface StatusErrorInit {
  upstreamStatus: number;
  message: string;
  providerCode?: string;
  retryAfterMs?: number;
  /** The body says the prompt is too long for the model. */
  contextLength?: boolean;
}

/**
 * Maps an upstream HTTP error status to an `UpstreamError`. Problems with our platform key
 * (401/403) or the endpoint (404) are 502 + retryable: another provider may well work.
 */
export function errorFromStatus(init: StatusErrorInit): UpstreamError {
  const { upstreamStatus: s, message, providerCode } = init;
  const base = { message, providerCode, upstreamStatus: s };
  if (s === 429)
    return new UpstreamError({
      ...base,
      code: "rate_limited",
      status: 429,
      retryable: true,
      retryAfterMs: init.retryAfterMs,
    });
  if (s === 503 || s === 529 || providerCode === "overloaded_error") {
    return new UpstreamError({
      ...base,
      code: "overloaded",
      status: 503,
      retryable: true,
      retryAfterMs: init.retryAfterMs,
    });
  }
  if (s >= 500) return new UpstreamError({ ...base, code: "server_error", status: 502, retryable: true });
  if (s === 401) return new UpstreamError({ ...base, code: "authentication", status: 502, retryable: true });
  if (s === 403)
    return new UpstreamError({ ...base, code: "permission_denied", status: 502, retryable: true });
  if (s === 404) return new UpstreamError({ ...base, code: "not_found", status: 502, retryable: true });
  if (s === 408) return new UpstreamError({ ...base, code: "timeout", status: 408, retryable: true });
  if (init.contextLength)
    return new UpstreamError({ ...base, code: "context_length_exceeded", status: 400, retryable: false });
  return new UpstreamError({ ...base, code: "bad_request", status: 400, retryable: false });
}

const CONTEXT_PATTERN =
  /context[_ ]length|context window|maximum context|prompt is too long|too many tokens|input token count.*exceeds|exceeds the maximum number of tokens/i;

export function looksLikeContextLength(message: string, code?: string): boolean {
  return code === "context_length_exceeded" || CONTEXT_PATTERN.test(message);
}

export function badResponse(message: string, upstreamStatus?: number): UpstreamError {
  return new UpstreamError({ code: "bad_response", message, status: 502, retryable: true, upstreamStatus });
}

export function streamInterrupted(message: string): UpstreamError {
  return new UpstreamError({ code: "stream_interrupted", message, status: 502, retryable: true });
}

export function cancelled(): UpstreamError {
  return new UpstreamError({
    code: "cancelled",
    message: "The request was cancelled",
    status: 499,
    retryable: false,
  });
}
