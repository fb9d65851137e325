import type { ErrorReply } from "../format-spec.ts";

const TYPES: Record<number, [string, string]> = {
  400: ["invalid_request_error", "Invalid request."],
  401: ["authentication_error", "invalid x-api-key"],
  403: ["permission_error", "Your API key does not have permission to use the specified resource."],
  404: ["not_found_error", "The requested resource could not be found."],
  413: ["request_too_large", "Request exceeds the maximum allowed number of bytes."],
  429: ["rate_limit_error", "Number of requests has exceeded your rate limit. Please try again later."],
  529: ["overloaded_error", "Overloaded"],
};

let counter = 0;

/** Anthropic's error body: `{type:"error",error:{type,message}}`. */
export function anthropicErrorBody(status: number, message?: string) {
  const [type, fallback] =
    TYPES[status] ??
    (status >= 500 ? ["api_error", "Internal server error"] : ["invalid_request_error", "Invalid request."]);
  counter += 1;
  return {
    type: "error",
    error: { type, message: message ?? fallback },
    request_id: `req_sim${counter.toString(36)}`,
  };
}

export function anthropicError(status: number, message?: string): ErrorReply {
  return { status, body: anthropicErrorBody(status, message) };
}
