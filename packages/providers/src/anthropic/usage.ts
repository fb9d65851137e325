import type { FinishReason, Usage } from "../types.ts";
import type { AnthropicWireUsage } from "./wire.ts";

/** prompt = input + cache reads + cache writes (Anthropic reports them separately). */
export function mapAnthropicUsage(usage: Partial<AnthropicWireUsage>): Usage {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const prompt = (usage.input_tokens ?? 0) + cacheRead + (usage.cache_creation_input_tokens ?? 0);
  const completion = usage.output_tokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cacheRead },
  };
}

export function mapAnthropicStop(reason: string | null | undefined, jsonMode: boolean): FinishReason | null {
  switch (reason) {
    case null:
    case undefined:
      return null;
    case "end_turn":
    case "stop_sequence":
    case "pause_turn":
      return "stop";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return jsonMode ? "stop" : "tool_calls";
    case "refusal":
      return "content_filter";
    default:
      return "error";
  }
}
