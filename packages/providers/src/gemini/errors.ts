import type { IncomingHttpHeaders } from "node:http";
import type { UpstreamError } from "../errors.ts";
import { retryAfterMs } from "../http/retry-after.ts";
import { errorFromStatus, looksLikeContextLength } from "../http/status-error.ts";
import { isRecord, tryParseJson } from "../shared/json.ts";

/** Reads Google's `{error:{code,message,status}}`. */
export function readGeminiError(body: unknown): {
  message: string;
  status: string | undefined;
  code: number | undefined;
} {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  return {
    message: typeof error?.message === "string" ? error.message : "Upstream error",
    status: typeof error?.status === "string" ? error.status : undefined,
    code: typeof error?.code === "number" ? error.code : undefined,
  };
}

export function geminiErrorFromResponse(
  status: number,
  headers: IncomingHttpHeaders,
  text: string,
): UpstreamError {
  const { message, status: providerCode } = readGeminiError(tryParseJson(text));
  // Google answers a bad key with 400 INVALID_ARGUMENT "API key not valid": it is our key's problem.
  const effective = status === 400 && /API key not valid|API_KEY_INVALID/i.test(text) ? 401 : status;
  return errorFromStatus({
    upstreamStatus: effective,
    message,
    providerCode,
    retryAfterMs: retryAfterMs(headers),
    contextLength: looksLikeContextLength(message),
  });
}
