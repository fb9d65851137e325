import type { SimRequest, SimTool, SimToolChoice } from "../../engine/types.ts";
import { isRecord, type ParseResult, stopList } from "../format-spec.ts";
import { openaiError } from "./errors.ts";

const ROLES = new Set(["system", "developer", "user", "assistant", "tool", "function"]);

function invalid(message: string, param: string | null): ParseResult {
  return { ok: false, error: openaiError(400, message, param) };
}

function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((p) => (isRecord(p) && typeof p.text === "string" ? p.text : "")).join("");
  }
  return "";
}

function parseTools(value: unknown): SimTool[] {
  if (!Array.isArray(value)) return [];
  const tools: SimTool[] = [];
  for (const t of value) {
    if (isRecord(t) && isRecord(t.function) && typeof t.function.name === "string") {
      tools.push({ name: t.function.name, parameters: t.function.parameters });
    }
  }
  return tools;
}

function parseToolChoice(value: unknown): SimToolChoice {
  if (value === "none" || value === "required") return { type: value };
  if (isRecord(value) && isRecord(value.function) && typeof value.function.name === "string") {
    return { type: "named", name: value.function.name };
  }
  return { type: "auto" };
}

function parseOutput(value: unknown): SimRequest["output"] {
  if (!isRecord(value)) return { kind: "text" };
  if (value.type === "json_object") return { kind: "json_object" };
  if (value.type === "json_schema" && isRecord(value.json_schema)) {
    return { kind: "json_schema", schema: value.json_schema.schema ?? { type: "object" } };
  }
  return { kind: "text" };
}

/** Validates an OpenAI chat-completions body the way OpenAI does (400 with `param`). */
export function parseOpenAIRequest(body: unknown): ParseResult {
  if (!isRecord(body)) return invalid("Request body must be a JSON object.", null);
  if (typeof body.model !== "string" || body.model.length === 0) {
    return invalid("you must provide a model parameter", null);
  }
  const messages = body.messages;
  if (!Array.isArray(messages)) return invalid("Missing required parameter: 'messages'.", "messages");
  if (messages.length === 0) return invalid("[] is too short - 'messages'", "messages");
  for (let i = 0; i < messages.length; i++) {
    const m: unknown = messages[i];
    if (!isRecord(m) || typeof m.role !== "string" || !ROLES.has(m.role)) {
      const role = isRecord(m) ? String(m.role) : "undefined";
      return invalid(
        `Invalid value: '${role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `messages[${i}].role`,
      );
    }
  }
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens !== undefined && maxTokens !== null && (typeof maxTokens !== "number" || maxTokens < 1)) {
    return invalid("Invalid 'max_tokens': integer below minimum value.", "max_tokens");
  }
  const lastMessage = messages[messages.length - 1] as Record<string, unknown>;
  const last: SimRequest["last"] =
    lastMessage.role === "user"
      ? { kind: "user" }
      : lastMessage.role === "tool"
        ? { kind: "tool_result", text: contentText(lastMessage.content) }
        : { kind: "other" };
  const streamOptions = body.stream_options;
  return {
    ok: true,
    request: {
      model: body.model,
      conversationKey: JSON.stringify(messages),
      maxTokens: typeof maxTokens === "number" ? maxTokens : undefined,
      stop: stopList(body.stop),
      tools: parseTools(body.tools),
      toolChoice: parseToolChoice(body.tool_choice),
      last,
      output: parseOutput(body.response_format),
      stream: body.stream === true,
      includeUsage: isRecord(streamOptions) && streamOptions.include_usage === true,
    },
  };
}
