import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ApiErrorStatus = 400 | 401 | 402 | 403 | 404 | 408 | 413 | 429 | 500 | 502 | 503;

const TYPE_BY_STATUS: Record<ApiErrorStatus, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "insufficient_quota",
  403: "permission_error",
  404: "not_found_error",
  408: "timeout_error",
  413: "invalid_request_error",
  429: "rate_limit_error",
  500: "server_error",
  502: "upstream_error",
  503: "service_unavailable",
};

/** The one error a route throws; `onError` turns it into the OpenAI/OpenRouter error body. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: ApiErrorStatus;
  readonly param: string | null;
  readonly metadata: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: ApiErrorStatus,
    code: string,
    message: string,
    extra: {
      param?: string | null;
      metadata?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.param = extra.param ?? null;
    this.metadata = extra.metadata;
    this.headers = extra.headers;
  }
}

export interface ErrorBody {
  error: {
    message: string;
    type: string;
    code: string;
    param: string | null;
    metadata?: Record<string, unknown>;
  };
}

export function errorBody(error: ApiError): ErrorBody {
  return {
    error: {
      message: error.message,
      type: TYPE_BY_STATUS[error.status],
      code: error.code,
      param: error.param,
      ...(error.metadata ? { metadata: error.metadata } : {}),
    },
  };
}

export function respondWithError(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.json(errorBody(error), error.status as ContentfulStatusCode);
}
