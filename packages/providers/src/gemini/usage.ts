import type { FinishReason, Usage } from "../types.ts";
import type { GeminiUsageMetadata } from "./wire.ts";

/** Thinking tokens are billed as output: completion = candidates + thoughts. */
export function mapGeminiUsage(usage: GeminiUsageMetadata | undefined): Usage {
  const prompt = usage?.promptTokenCount ?? 0;
  const thoughts = usage?.thoughtsTokenCount ?? 0;
  const completion = (usage?.candidatesTokenCount ?? 0) + thoughts;
  const out: Usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
  if (usage?.cachedContentTokenCount !== undefined) {
    out.prompt_tokens_details = { cached_tokens: usage.cachedContentTokenCount };
  }
  if (usage?.thoughtsTokenCount !== undefined) out.completion_tokens_details = { reasoning_tokens: thoughts };
  return out;
}

const FILTERED = new Set(["SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY"]);

export function mapGeminiFinish(reason: string | undefined, hasToolCalls: boolean): FinishReason | null {
  if (reason === undefined) return null;
  if (reason === "STOP") return hasToolCalls ? "tool_calls" : "stop";
  if (reason === "MAX_TOKENS") return "length";
  if (FILTERED.has(reason)) return "content_filter";
  return "error";
}
