import type { IncomingHttpHeaders } from "node:http";
import type { UpstreamError } from "../errors.ts";
import { retryAfterMs } from "../http/retry-after.ts";
import { errorFromStatus, looksLikeContextLength } from "../http/status-error.ts";
import { isRecord, tryParseJson } from "../shared/json.ts";

/** Reads `{type:"error",error:{type,message}}`. */
export function readAnthropicError(body: unknown): { type: string | undefined; message: string } {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  return {
    type: typeof error?.type === "string" ? error.type : undefined,
    message: typeof error?.message === "string" ? error.message : "Upstream error",
  };
}

const STATUS_BY_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
};

export function anthropicErrorFromResponse(
  status: number,
  headers: IncomingHttpHeaders,
  text: string,
): UpstreamError {
  const { type, message } = readAnthropicError(tryParseJson(text));
  return errorFromStatus({
    upstreamStatus: status,
    message,
    providerCode: type,
    retryAfterMs: retryAfterMs(headers),
    contextLength: looksLikeContextLength(message),
  });
}

/** An `event: error` inside a 200 stream (e.g. overloaded_error mid-generation). */
export function anthropicStreamError(body: unknown): UpstreamError {
  const { type, message } = readAnthropicError(body);
  return errorFromStatus({
    upstreamStatus: (type && STATUS_BY_TYPE[type]) || 500,
    message,
    providerCode: type,
    contextLength: looksLikeContextLength(message),
  });
}
