import type { ErrorReply } from "../format-spec.ts";

const DEFAULTS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: "invalid_request_error", code: null, message: "Invalid request." },
  401: {
    type: "invalid_request_error",
    code: "invalid_api_key",
    message:
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  },
  403: {
    type: "invalid_request_error",
    code: "unsupported_country_region_territory",
    message: "Country, region, or territory not supported",
  },
  404: {
    type: "invalid_request_error",
    code: "model_not_found",
    message: "The model does not exist or you do not have access to it.",
  },
  429: {
    type: "requests",
    code: "rate_limit_exceeded",
    message: "Rate limit reached for requests. Please try again later.",
  },
  503: {
    type: "server_error",
    code: null,
    message: "The engine is currently overloaded, please try again later.",
  },
};

const SERVER = {
  type: "server_error",
  code: null,
  message: "The server had an error while processing your request. Sorry about that!",
};

/** OpenAI's error body: `{error:{message,type,param,code}}`. */
export function openaiError(status: number, message?: string, param: string | null = null): ErrorReply {
  const d = DEFAULTS[status] ?? (status >= 500 ? SERVER : (DEFAULTS[400] ?? SERVER));
  return { status, body: { error: { message: message ?? d.message, type: d.type, param, code: d.code } } };
}
