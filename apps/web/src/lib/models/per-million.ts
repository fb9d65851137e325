import { formatUsd } from "@switchyard/config";

/** Nano-dollars per token -> "$0.15" per million tokens (exact: 1e6 tokens x nanos = micro-dollars). */
export function pricePerMillion(nanosPerToken: bigint): string {
  const nanosPerMillion = nanosPerToken * 1_000_000n;
  const digits = nanosPerMillion !== 0n && nanosPerMillion < 10_000_000n ? 4 : 2;
  return formatUsd(nanosPerMillion, digits);
}
