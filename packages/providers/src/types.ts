import type { EventEmitter } from "node:events";

/**
 * The unified request/response shapes: OpenAI chat completions, which every adapter translates
 * to and from its upstream's wire format.
 */

export type ProviderFormat = "openai" | "anthropic" | "gemini" | "openai_compatible";

export type TextPart = { type: "text"; text: string };
export type ImagePart = { type: "image_url"; image_url: { url: string; detail?: "auto" | "low" | "high" } };
export type ContentPart = TextPart | ImagePart;

export interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: "system" | "developer"; content: string | TextPart[]; name?: string }
  | { role: "user"; content: string | ContentPart[]; name?: string }
  | { role: "assistant"; content?: string | TextPart[] | null; tool_calls?: ToolCall[]; name?: string }
  | { role: "tool"; content: string | TextPart[]; tool_call_id: string };

export interface ToolDefinition {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

export type ToolChoice = "none" | "auto" | "required" | { type: "function"; function: { name: string } };

export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | {
      type: "json_schema";
      json_schema: { name: string; schema?: Record<string, unknown>; strict?: boolean; description?: string };
    };

/** What the gateway hands an adapter: validated, with `model` already set to the upstream's model name. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop?: string | string[];
  seed?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  tools?: ToolDefinition[];
  tool_choice?: ToolChoice;
  response_format?: ResponseFormat;
  user?: string;
}

export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "error";

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens: number };
  completion_tokens_details?: { reasoning_tokens: number };
}

export interface ChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: {
    index: number;
    message: { role: "assistant"; content: string | null; tool_calls?: ToolCall[] };
    finish_reason: FinishReason | null;
    native_finish_reason: string | null;
  }[];
  usage: Usage;
}

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

export interface ChatCompletionChunk {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: {
    index: number;
    delta: { role?: "assistant"; content?: string | null; tool_calls?: ToolCallDelta[] };
    finish_reason: FinishReason | null;
    native_finish_reason?: string | null;
  }[];
  /** Present on the final chunk (the adapter always asks the upstream for usage). */
  usage?: Usage;
}

/** Where one call goes. Base URL and key are configuration: the real provider or the simulator. */
export interface UpstreamTarget {
  providerId: string;
  baseUrl: string;
  apiKey: string;
  upstreamModel: string;
}

/**
 * What aborts a call: an AbortSignal, or an EventEmitter with the same `aborted` and `reason` that
 * emits "abort". undici takes either; the gateway's per-request signal is the cheaper emitter.
 */
export type CallSignal =
  | AbortSignal
  | (EventEmitter & { readonly aborted: boolean; readonly reason: unknown });

export interface CallOptions {
  /** Aborts the upstream call (client disconnect, deadline). */
  signal: CallSignal;
  /** Time allowed until the upstream's response headers arrive. */
  timeoutMs: number;
  /**
   * Told each stretch of time spent waiting on the upstream (request sent until its headers,
   * reading a whole body), so the caller can tell the gateway's own time from the provider's:
   * building the upstream request and parsing its answer are not waiting.
   */
  onWait?: ((ms: number) => void) | undefined;
}

export interface ProviderAdapter {
  readonly format: ProviderFormat;
  /** Non-streaming call. Rejects with `UpstreamError`. */
  complete(request: ChatRequest, target: UpstreamTarget, options: CallOptions): Promise<ChatCompletion>;
  /**
   * Streaming call. The promise settles once the upstream answered 2xx (errors before that reject
   * with `UpstreamError`, so the gateway can still fall back). Iteration yields OpenAI chunks, the
   * last one carrying usage; a failure mid-stream throws `UpstreamError` from the iterator.
   */
  stream(
    request: ChatRequest,
    target: UpstreamTarget,
    options: CallOptions,
  ): Promise<AsyncIterable<ChatCompletionChunk>>;
}
