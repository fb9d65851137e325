/** Anthropic Messages API wire format (https://docs.anthropic.com/en/api/messages). */

export type AnthropicImageSource =
  | { type: "base64"; media_type: string; data: string }
  | { type: "url"; url: string };

export type AnthropicRequestBlock =
  | { type: "text"; text: string }
  | { type: "image"; source: AnthropicImageSource }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> }
  | { type: "tool_result"; tool_use_id: string; content: string };

export interface AnthropicWireMessage {
  role: "user" | "assistant";
  content: AnthropicRequestBlock[];
}

export interface AnthropicWireTool {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
}

export type AnthropicWireToolChoice =
  | { type: "auto" }
  | { type: "any" }
  | { type: "none" }
  | { type: "tool"; name: string };

export interface AnthropicWireRequest {
  model: string;
  max_tokens: number;
  messages: AnthropicWireMessage[];
  system?: string;
  stop_sequences?: string[];
  temperature?: number;
  top_p?: number;
  top_k?: number;
  tools?: AnthropicWireTool[];
  tool_choice?: AnthropicWireToolChoice;
  stream?: boolean;
  metadata?: { user_id: string };
}

export type AnthropicResponseBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: unknown }
  | { type: "thinking"; thinking: string; signature?: string }
  | { type: "redacted_thinking"; data: string };

export interface AnthropicWireUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

export interface AnthropicWireResponse {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: AnthropicResponseBlock[];
  stop_reason: string | null;
  stop_sequence: string | null;
  usage: AnthropicWireUsage;
}

export type AnthropicStreamEvent =
  | { type: "message_start"; message: AnthropicWireResponse }
  | { type: "content_block_start"; index: number; content_block: AnthropicResponseBlock }
  | {
      type: "content_block_delta";
      index: number;
      delta:
        | { type: "text_delta"; text: string }
        | { type: "input_json_delta"; partial_json: string }
        | { type: "thinking_delta"; thinking: string }
        | { type: "signature_delta"; signature: string };
    }
  | { type: "content_block_stop"; index: number }
  | {
      type: "message_delta";
      delta: { stop_reason: string | null; stop_sequence: string | null };
      usage: Partial<AnthropicWireUsage>;
    }
  | { type: "message_stop" }
  | { type: "ping" }
  | { type: "error"; error: AnthropicWireError["error"] };

export interface AnthropicWireError {
  type: "error";
  error: { type: string; message: string };
}

export const ANTHROPIC_VERSION = "2023-06-01";
/** Name of the synthetic tool that carries `response_format` JSON output. */
export const JSON_TOOL_NAME = "json_response";
