import type { IncomingHttpHeaders } from "node:http";
import type { UpstreamError } from "../errors.ts";
import { retryAfterMs } from "../http/retry-after.ts";
import { errorFromStatus, looksLikeContextLength } from "../http/status-error.ts";
import { isRecord, tryParseJson } from "../shared/json.ts";

/** Reads OpenAI's `{error:{message,type,code}}` body (also used by every compatible host). */
export function readOpenAIErrorBody(body: unknown): { message: string; code: string | undefined } {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const message = typeof error?.message === "string" ? error.message : "Upstream error";
  const rawCode = error?.code ?? error?.type;
  return { message, code: rawCode === undefined || rawCode === null ? undefined : String(rawCode) };
}

export function openAIErrorFromResponse(
  status: number,
  headers: IncomingHttpHeaders,
  text: string,
): UpstreamError {
  const { message, code } = readOpenAIErrorBody(tryParseJson(text));
  return errorFromStatus({
    upstreamStatus: status,
    message,
    providerCode: code,
    retryAfterMs: retryAfterMs(headers),
    contextLength: looksLikeContextLength(message, code),
  });
}
