import type { Usage } from "../types.ts";
import type { OpenAIWireUsage } from "./wire.ts";

export function mapOpenAIUsage(usage: OpenAIWireUsage): Usage {
  const prompt = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? 0;
  const out: Usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.total_tokens ?? prompt + completion,
  };
  const cached = usage.prompt_tokens_details?.cached_tokens;
  if (cached !== undefined) out.prompt_tokens_details = { cached_tokens: cached };
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (reasoning !== undefined) out.completion_tokens_details = { reasoning_tokens: reasoning };
  return out;
}

/** Normalises OpenAI-family finish reasons (`function_call` is the legacy tool call). */
export function mapOpenAIFinish(reason: string | null | undefined) {
  switch (reason) {
    case null:
    case undefined:
      return null;
    case "stop":
    case "length":
    case "tool_calls":
    case "content_filter":
      return reason;
    case "function_call":
      return "tool_calls";
    case "eos":
    case "end_turn":
      return "stop";
    default:
      return "error";
  }
}
