import type { ChatRequestBody } from "./request-schema.ts";

const TRACKED_PARAMETERS = [
  "temperature",
  "top_p",
  "top_k",
  "stop",
  "seed",
  "max_tokens",
  "frequency_penalty",
  "presence_penalty",
  "tools",
  "tool_choice",
  "response_format",
] as const;

/** Parameters the request actually uses, for `require_parameters` and soft tool/format filtering. */
export function usedParameters(body: ChatRequestBody): string[] {
  const used: string[] = [];
  for (const name of TRACKED_PARAMETERS) {
    if (name === "max_tokens" ? requestedMaxTokens(body) !== undefined : body[name] !== undefined)
      used.push(name);
  }
  if (body.response_format?.type === "json_schema") used.push("structured_outputs");
  return used;
}

export function requestedMaxTokens(body: ChatRequestBody): number | undefined {
  return body.max_completion_tokens ?? body.max_tokens;
}

const IMAGE_TOKENS = 765;

/** A deliberately generous estimate (≈4 characters per token) used to size the credit hold. */
export function estimatePromptTokens(body: ChatRequestBody): number {
  let chars = 0;
  let images = 0;
  for (const message of body.messages) {
    chars += 16;
    const content = "content" in message ? message.content : undefined;
    if (typeof content === "string") chars += content.length;
    else if (Array.isArray(content)) {
      for (const part of content) {
        if (part.type === "text") chars += part.text.length;
        else images += 1;
      }
    }
    if (message.role === "assistant") {
      for (const call of message.tool_calls ?? [])
        chars += call.function.name.length + call.function.arguments.length;
    }
  }
  if (body.tools) chars += JSON.stringify(body.tools).length;
  if (body.response_format) chars += JSON.stringify(body.response_format).length;
  return Math.ceil(chars / 4) + images * IMAGE_TOKENS;
}

/** Conversation key for sticky routing: the session id, or a hash of the opening messages. */
export function conversationKey(
  body: ChatRequestBody,
  sessionHeader: string | undefined,
): string | undefined {
  if (body.session_id) return `s:${body.session_id}`;
  if (sessionHeader) return `s:${sessionHeader}`;
  const system = body.messages.find((m) => m.role === "system" || m.role === "developer");
  const first = body.messages.find((m) => m.role !== "system" && m.role !== "developer");
  if (!first) return undefined;
  return `h:${fnv1a(JSON.stringify([system?.content ?? "", first.content ?? ""]))}`;
}

function fnv1a(input: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
