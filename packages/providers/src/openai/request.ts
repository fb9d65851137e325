import type { ChatMessage, ChatRequest } from "../types.ts";
import type { OpenAIDialect } from "./options.ts";
import type { OpenAIWireRequest } from "./wire.ts";

function mapMessages(messages: ChatMessage[], dialect: OpenAIDialect): ChatMessage[] {
  if (dialect.developerRole) return messages;
  return messages.map((m) => (m.role === "developer" ? { ...m, role: "system" } : m));
}

/** The unified request is OpenAI's shape already; this applies the host's dialect. */
export function toOpenAIRequest(
  request: ChatRequest,
  model: string,
  dialect: OpenAIDialect,
  stream: boolean,
): OpenAIWireRequest {
  const wire: OpenAIWireRequest = { model, messages: mapMessages(request.messages, dialect) };
  if (stream) {
    wire.stream = true;
    if (dialect.streamOptions) wire.stream_options = { include_usage: true };
  }
  if (request.max_tokens !== undefined) wire[dialect.maxTokensField] = request.max_tokens;
  if (request.temperature !== undefined) wire.temperature = request.temperature;
  if (request.top_p !== undefined) wire.top_p = request.top_p;
  if (request.top_k !== undefined && dialect.topK) wire.top_k = request.top_k;
  if (request.stop !== undefined) wire.stop = request.stop;
  if (request.seed !== undefined && dialect.seedField) wire[dialect.seedField] = request.seed;
  if (request.frequency_penalty !== undefined) wire.frequency_penalty = request.frequency_penalty;
  if (request.presence_penalty !== undefined) wire.presence_penalty = request.presence_penalty;
  if (request.tools?.length) wire.tools = request.tools;
  if (request.tool_choice !== undefined) wire.tool_choice = request.tool_choice;
  if (request.response_format !== undefined) wire.response_format = request.response_format;
  if (request.user !== undefined) wire.user = request.user;
  return wire;
}
