import { randomUUID } from "node:crypto";
import { badResponse } from "../http/status-error.ts";
import { isRecord } from "../shared/json.ts";
import type { ChatCompletion, ToolCall } from "../types.ts";
import { mapGeminiFinish, mapGeminiUsage } from "./usage.ts";
import type { GeminiPart, GeminiWireResponse } from "./wire.ts";

export function isGeminiResponse(body: unknown): body is GeminiWireResponse {
  return (
    isRecord(body) &&
    (Array.isArray(body.candidates) || isRecord(body.promptFeedback) || isRecord(body.usageMetadata))
  );
}

export function toolCallId(): string {
  return `call_${randomUUID().replaceAll("-", "").slice(0, 24)}`;
}

/** Splits parts into visible text (thought parts skipped) and function calls. */
export function readParts(parts: GeminiPart[] | undefined): { text: string; calls: ToolCall[] } {
  let text = "";
  const calls: ToolCall[] = [];
  for (const part of parts ?? []) {
    if ("text" in part && typeof part.text === "string" && !part.thought) text += part.text;
    else if ("functionCall" in part && isRecord(part.functionCall)) {
      calls.push({
        id: part.functionCall.id ?? toolCallId(),
        type: "function",
        function: { name: part.functionCall.name, arguments: JSON.stringify(part.functionCall.args ?? {}) },
      });
    }
  }
  return { text, calls };
}

/** GenerateContentResponse → unified completion; a blocked prompt becomes content_filter. */
export function fromGeminiResponse(body: unknown, fallbackModel: string): ChatCompletion {
  if (!isGeminiResponse(body)) throw badResponse("Upstream response is not a GenerateContentResponse");
  const candidate = body.candidates?.[0];
  const { text, calls } = readParts(candidate?.content?.parts);
  const native = candidate?.finishReason ?? body.promptFeedback?.blockReason ?? null;
  const finish = candidate
    ? mapGeminiFinish(candidate.finishReason, calls.length > 0)
    : native
      ? "content_filter"
      : "error";
  return {
    id: body.responseId ?? "",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.modelVersion ?? fallbackModel,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: text.length > 0 || calls.length === 0 ? text : null,
          ...(calls.length > 0 ? { tool_calls: calls } : {}),
        },
        finish_reason: finish,
        native_finish_reason: native,
      },
    ],
    usage: mapGeminiUsage(body.usageMetadata),
  };
}
