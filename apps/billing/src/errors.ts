import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "./logger.ts";

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: ContentfulStatusCode,
    readonly type = status >= 500 ? "server_error" : "invalid_request_error",
  ) {
    super(message);
  }
}

export function errorBody(message: string, type: string, code: string) {
  return { error: { message, type, code } };
}

/** One place maps errors to `{error:{message,type,code}}`; a 5xx never echoes internals. */
export function handleError(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof ApiError && error.status < 500) {
      return c.json(errorBody(error.message, error.type, error.code), error.status);
    }
    logger.error({ err: error, path: c.req.path }, "request failed");
    const status = error instanceof ApiError ? error.status : 500;
    return c.json(errorBody("Internal error", "server_error", "internal_error"), status);
  };
}
