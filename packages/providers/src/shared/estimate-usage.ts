import type { ChatRequest, Usage } from "../types.ts";

/**
 * Fallback when an upstream never reports usage in a stream: ~4 characters per token.
 * Billing needs a number; the real counts are always preferred when sent.
 */
export function estimateUsage(request: ChatRequest, completionChars: number): Usage {
  const prompt = Math.max(1, Math.ceil(JSON.stringify(request.messages).length / 4));
  const completion = Math.ceil(completionChars / 4);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
