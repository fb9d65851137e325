/** Behaviour of one simulated provider. Every field has a default; the admin API merges partial updates. */
export interface SimSettings {
  /** Delay before response headers. */
  latencyMs: number;
  /** Streaming: delay before the first content chunk. */
  ttftMs: number;
  /** Streaming pacing; 0 sends every chunk as fast as possible. */
  tokensPerSecond: number;
  /** Fixed number of content chunks (benchmarks); unset = one chunk per word. */
  chunkCount?: number;
  /** Fixed completion text (benchmarks); unset = deterministic generated text. */
  fixedResponse?: string;
  /** Probability (0..1) of failing with `errorStatus`. */
  errorRate: number;
  errorStatus: number;
  /** Probability (0..1) of answering 429 with a `retry-after` header. */
  rateLimitRate: number;
  retryAfterSeconds: number;
  /** Accept the request and never answer until the client goes away. */
  hang: boolean;
  /** Streaming: destroy the socket after this many SSE events. */
  disconnectAfterChunks?: number;
}

export const DEFAULT_SETTINGS: Readonly<SimSettings> = Object.freeze({
  latencyMs: 0,
  ttftMs: 0,
  tokensPerSecond: 0,
  errorRate: 0,
  errorStatus: 500,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  hang: false,
});
