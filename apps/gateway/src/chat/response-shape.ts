import { nanosToDollarNumber } from "@switchyard/config";
import type { Usage } from "@switchyard/providers";

/** OpenRouter-style usage: always present, with the exact charge as `cost` (USD). */
export function usageWithCost(usage: Usage, costNanos: bigint) {
  return {
    prompt_tokens: usage.prompt_tokens,
    completion_tokens: usage.completion_tokens,
    total_tokens: usage.total_tokens,
    prompt_tokens_details: { cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0 },
    completion_tokens_details: { reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0 },
    cost: nanosToDollarNumber(costNanos),
    is_byok: false,
  };
}

/**
 * The gateway's own time on a request from its start until `at`: everything but the waits on the
 * upstream. The overhead header and histogram report it.
 */
export function ownTimeMs(startedAt: number, upstreamMs: number, at = performance.now()): number {
  return at - startedAt - upstreamMs;
}

/** The response header with the gateway's own time on the request, in ms (see `ownTimeMs`). */
export const OVERHEAD_HEADER = "x-switchyard-overhead-ms";

export function generationHeaders(
  generationId: string,
  provider: string,
  overheadMs: number,
): Record<string, string> {
  return {
    "x-generation-id": generationId,
    "x-switchyard-provider": provider,
    [OVERHEAD_HEADER]: overheadMs.toFixed(3),
  };
}
