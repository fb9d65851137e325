export type UpstreamErrorCode =
  | "connect_error"
  | "timeout"
  | "rate_limited"
  | "server_error"
  | "overloaded"
  | "bad_request"
  | "context_length_exceeded"
  | "authentication"
  | "permission_denied"
  | "not_found"
  | "content_filter"
  | "bad_response"
  | "stream_interrupted"
  | "cancelled";

/**
 * An expected upstream failure as a value. Fallback reads `retryable`, never the message.
 * `status` is the HTTP status the gateway should answer with when this is the final outcome.
 */
export class UpstreamError extends Error {
  readonly code: UpstreamErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly providerCode: string | undefined;
  /** Status the upstream itself sent, when there was a response. */
  readonly upstreamStatus: number | undefined;

  constructor(init: {
    code: UpstreamErrorCode;
    message: string;
    status: number;
    retryable: boolean;
    retryAfterMs?: number;
    providerCode?: string;
    upstreamStatus?: number;
  }) {
    super(init.message);
    this.name = "UpstreamError";
    this.code = init.code;
    this.status = init.status;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.providerCode = init.providerCode;
    this.upstreamStatus = init.upstreamStatus;
  }
}
