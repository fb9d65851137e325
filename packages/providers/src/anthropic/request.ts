import { textOf } from "../shared/json.ts";
import type { ChatMessage, ChatRequest, ContentPart, ToolChoice } from "../types.ts";
import {
  type AnthropicImageSource,
  type AnthropicRequestBlock,
  type AnthropicWireMessage,
  type AnthropicWireRequest,
  type AnthropicWireToolChoice,
  JSON_TOOL_NAME,
} from "./wire.ts";

export const DEFAULT_MAX_TOKENS = 4096;

const DATA_URL = /^data:([^;,]+)((?:;[^;,]+)*?)(;base64)?,(.*)$/s;

export function imageSource(url: string): AnthropicImageSource {
  const match = DATA_URL.exec(url);
  if (!match) return { type: "url", url };
  const [, mediaType = "image/png", , base64, payload = ""] = match;
  const data = base64 ? payload : Buffer.from(decodeURIComponent(payload)).toString("base64");
  return { type: "base64", media_type: mediaType, data };
}

function userBlocks(content: string | ContentPart[]): AnthropicRequestBlock[] {
  if (typeof content === "string") return [{ type: "text", text: content }];
  return content.map((part) =>
    part.type === "text"
      ? { type: "text", text: part.text }
      : { type: "image", source: imageSource(part.image_url.url) },
  );
}

function parseArguments(args: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(args);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function toBlocks(message: ChatMessage): AnthropicRequestBlock[] {
  switch (message.role) {
    case "system":
    case "developer":
      return [];
    case "user":
      return userBlocks(message.content);
    case "assistant": {
      const blocks: AnthropicRequestBlock[] = [];
      const text = textOf(message.content);
      if (text) blocks.push({ type: "text", text });
      for (const call of message.tool_calls ?? []) {
        blocks.push({
          type: "tool_use",
          id: call.id,
          name: call.function.name,
          input: parseArguments(call.function.arguments),
        });
      }
      return blocks;
    }
    case "tool":
      return [{ type: "tool_result", tool_use_id: message.tool_call_id, content: textOf(message.content) }];
  }
}

function mapToolChoice(choice: ToolChoice): AnthropicWireToolChoice {
  if (choice === "auto") return { type: "auto" };
  if (choice === "none") return { type: "none" };
  if (choice === "required") return { type: "any" };
  return { type: "tool", name: choice.function.name };
}

export interface AnthropicCall {
  body: AnthropicWireRequest;
  /** Set when `response_format` was mapped to a forced synthetic tool. */
  jsonTool: string | undefined;
}

/**
 * Unified request → Messages API: system/developer to top-level `system`, tool results as user
 * `tool_result` blocks, consecutive same-role turns merged, `max_tokens` always set, `seed` dropped,
 * and `response_format` forced through a synthetic tool whose input_schema is the schema.
 */
export function toAnthropicRequest(request: ChatRequest, model: string, stream: boolean): AnthropicCall {
  const system: string[] = [];
  const messages: AnthropicWireMessage[] = [];
  for (const message of request.messages) {
    if (message.role === "system" || message.role === "developer") {
      system.push(textOf(message.content));
      continue;
    }
    const role = message.role === "assistant" ? "assistant" : "user";
    const blocks = toBlocks(message);
    if (blocks.length === 0) continue;
    const previous = messages[messages.length - 1];
    if (previous && previous.role === role) previous.content.push(...blocks);
    else messages.push({ role, content: blocks });
  }

  const body: AnthropicWireRequest = {
    model,
    max_tokens: request.max_tokens ?? DEFAULT_MAX_TOKENS,
    messages,
  };
  if (system.length > 0) body.system = system.join("\n\n");
  if (request.stop !== undefined)
    body.stop_sequences = typeof request.stop === "string" ? [request.stop] : request.stop;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.top_p !== undefined) body.top_p = request.top_p;
  if (request.top_k !== undefined) body.top_k = request.top_k;
  if (request.user !== undefined) body.metadata = { user_id: request.user };
  if (stream) body.stream = true;
  if (request.tools?.length) {
    body.tools = request.tools.map((t) => ({
      name: t.function.name,
      ...(t.function.description ? { description: t.function.description } : {}),
      input_schema: t.function.parameters ?? { type: "object", properties: {} },
    }));
  }
  if (request.tool_choice !== undefined && body.tools) body.tool_choice = mapToolChoice(request.tool_choice);

  const format = request.response_format;
  let jsonTool: string | undefined;
  if (format && format.type !== "text") {
    jsonTool = JSON_TOOL_NAME;
    const schema =
      format.type === "json_schema" && format.json_schema.schema
        ? format.json_schema.schema
        : { type: "object", additionalProperties: true };
    const description =
      format.type === "json_schema" && format.json_schema.description
        ? format.json_schema.description
        : "Respond with the final answer as JSON by calling this tool.";
    body.tools = [...(body.tools ?? []), { name: JSON_TOOL_NAME, description, input_schema: schema }];
    body.tool_choice = { type: "tool", name: JSON_TOOL_NAME };
  }
  return { body, jsonTool };
}
