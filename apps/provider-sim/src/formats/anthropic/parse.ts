import type { SimRequest, SimTool, SimToolChoice } from "../../engine/types.ts";
import { isRecord, type ParseResult, stopList } from "../format-spec.ts";
import { anthropicError } from "./errors.ts";

const BLOCK_TYPES = new Set([
  "text",
  "image",
  "document",
  "tool_use",
  "tool_result",
  "thinking",
  "redacted_thinking",
]);

function invalid(message: string): ParseResult {
  return { ok: false, error: anthropicError(400, message) };
}

function blockText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((b) => (isRecord(b) && typeof b.text === "string" ? b.text : "")).join("");
  }
  return "";
}

function checkBlock(block: unknown, path: string): string | undefined {
  if (!isRecord(block) || typeof block.type !== "string" || !BLOCK_TYPES.has(block.type)) {
    return `${path}.type: Input tag '${isRecord(block) ? String(block.type) : ""}' found using 'type' does not match any of the expected tags: 'text', 'image', 'document', 'tool_use', 'tool_result', 'thinking', 'redacted_thinking'`;
  }
  if (block.type === "text" && typeof block.text !== "string") return `${path}.text: Field required`;
  if (block.type === "image" && !isRecord(block.source)) return `${path}.source: Field required`;
  if (block.type === "tool_use" && (typeof block.id !== "string" || typeof block.name !== "string")) {
    return `${path}.id: Field required`;
  }
  if (block.type === "tool_result" && typeof block.tool_use_id !== "string") {
    return `${path}.tool_use_id: Field required`;
  }
  return undefined;
}

function parseTools(value: unknown): SimTool[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((t): t is Record<string, unknown> => isRecord(t) && typeof t.name === "string")
    .map((t) => ({ name: String(t.name), parameters: t.input_schema }));
}

function parseToolChoice(value: unknown): SimToolChoice {
  if (!isRecord(value)) return { type: "auto" };
  if (value.type === "none") return { type: "none" };
  if (value.type === "any") return { type: "required" };
  if (value.type === "tool" && typeof value.name === "string") return { type: "named", name: value.name };
  return { type: "auto" };
}

/** Validates an Anthropic Messages body the way the API does (400 invalid_request_error). */
export function parseAnthropicRequest(body: unknown): ParseResult {
  if (!isRecord(body)) return invalid("Request body must be a JSON object.");
  if (typeof body.model !== "string" || body.model.length === 0) return invalid("model: Field required");
  if (body.max_tokens === undefined) return invalid("max_tokens: Field required");
  if (typeof body.max_tokens !== "number" || !Number.isInteger(body.max_tokens) || body.max_tokens < 1) {
    return invalid("max_tokens: Input should be a valid integer greater than or equal to 1");
  }
  const messages = body.messages;
  if (!Array.isArray(messages)) return invalid("messages: Field required");
  if (messages.length === 0) return invalid("messages: at least one message is required");
  for (let i = 0; i < messages.length; i++) {
    const m: unknown = messages[i];
    if (!isRecord(m) || (m.role !== "user" && m.role !== "assistant")) {
      return invalid(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    }
    if (Array.isArray(m.content)) {
      for (let j = 0; j < m.content.length; j++) {
        const problem = checkBlock(m.content[j], `messages.${i}.content.${j}`);
        if (problem) return invalid(problem);
      }
    } else if (typeof m.content !== "string") {
      return invalid(`messages.${i}.content: Input should be a valid list`);
    }
  }
  if (body.system !== undefined && typeof body.system !== "string" && !Array.isArray(body.system)) {
    return invalid("system: Input should be a valid list");
  }

  const lastMessage = messages[messages.length - 1] as Record<string, unknown>;
  let last: SimRequest["last"] = { kind: "other" };
  if (lastMessage.role === "user") {
    const toolResult = Array.isArray(lastMessage.content)
      ? lastMessage.content.find((b) => isRecord(b) && b.type === "tool_result")
      : undefined;
    last = isRecord(toolResult)
      ? { kind: "tool_result", text: blockText(toolResult.content) }
      : { kind: "user" };
  }
  return {
    ok: true,
    request: {
      model: body.model,
      conversationKey: `${JSON.stringify(body.system ?? null)}${JSON.stringify(messages)}`,
      maxTokens: body.max_tokens,
      stop: stopList(body.stop_sequences),
      tools: parseTools(body.tools),
      toolChoice: parseToolChoice(body.tool_choice),
      last,
      output: { kind: "text" },
      stream: body.stream === true,
      includeUsage: false,
    },
  };
}
