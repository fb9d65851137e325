import { badResponse } from "../http/status-error.ts";
import { isRecord } from "../shared/json.ts";
import type { ChatCompletion, ToolCall } from "../types.ts";
import { mapOpenAIFinish, mapOpenAIUsage } from "./usage.ts";
import type { OpenAIWireResponse, OpenAIWireToolCall } from "./wire.ts";

function isWireResponse(body: unknown): body is OpenAIWireResponse {
  return (
    isRecord(body) &&
    Array.isArray(body.choices) &&
    body.choices.every((c) => isRecord(c) && isRecord(c.message))
  );
}

function mapToolCalls(calls: OpenAIWireToolCall[] | undefined): ToolCall[] | undefined {
  if (!calls?.length) return undefined;
  return calls.map((c, i) => ({
    id: c.id ?? `call_${i}`,
    type: "function",
    function: { name: c.function?.name ?? "", arguments: c.function?.arguments ?? "" },
  }));
}

/** Upstream chat.completion → unified completion (finish reasons normalised, native kept). */
export function fromOpenAIResponse(body: unknown, fallbackModel: string): ChatCompletion {
  if (!isWireResponse(body)) throw badResponse("Upstream response is not a chat completion");
  return {
    id: typeof body.id === "string" ? body.id : "",
    object: "chat.completion",
    created: typeof body.created === "number" ? body.created : Math.floor(Date.now() / 1000),
    model: typeof body.model === "string" ? body.model : fallbackModel,
    choices: body.choices.map((choice, i) => {
      const toolCalls = mapToolCalls(choice.message.tool_calls);
      return {
        index: typeof choice.index === "number" ? choice.index : i,
        message: {
          role: "assistant",
          content: typeof choice.message.content === "string" ? choice.message.content : null,
          ...(toolCalls ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: mapOpenAIFinish(choice.finish_reason),
        native_finish_reason: choice.finish_reason ?? null,
      };
    }),
    usage: mapOpenAIUsage(isRecord(body.usage) ? body.usage : {}),
  };
}
