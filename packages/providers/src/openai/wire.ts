/** OpenAI chat-completions wire format (the subset Switchyard sends and reads). */
import type { ChatMessage, ResponseFormat, ToolChoice, ToolDefinition } from "../types.ts";

export interface OpenAIWireRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage: boolean };
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop?: string | string[];
  seed?: number;
  random_seed?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  tools?: ToolDefinition[];
  tool_choice?: ToolChoice;
  response_format?: ResponseFormat;
  user?: string;
}

export interface OpenAIWireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

export interface OpenAIWireToolCall {
  index?: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

export interface OpenAIWireResponse {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: {
    index: number;
    message: {
      role: "assistant";
      content: string | null;
      refusal?: string | null;
      tool_calls?: OpenAIWireToolCall[];
    };
    finish_reason: string | null;
  }[];
  usage?: OpenAIWireUsage;
}

export interface OpenAIWireChunk {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: {
    index: number;
    delta: { role?: "assistant"; content?: string | null; tool_calls?: OpenAIWireToolCall[] };
    finish_reason: string | null;
  }[];
  usage?: OpenAIWireUsage | null;
  /** Some hosts report a failure inside the stream. */
  error?: OpenAIWireError["error"];
}

export interface OpenAIWireError {
  error: { message?: string; type?: string; param?: string | null; code?: string | number | null };
}
