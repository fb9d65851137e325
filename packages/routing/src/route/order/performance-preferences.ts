import type { EndpointHealth, ProviderRequestPreferences } from "../../types.ts";

/** `preferred_max_latency` / `preferred_min_throughput` thresholds we can check with the health model. */
export interface PerformancePreferences {
  maxLatencyP50Ms?: number;
  maxLatencyP90Ms?: number;
  minThroughputTps?: number;
}

/**
 * Latency is given in seconds (we compare p50 and p90 against observed latency); throughput in tokens/s
 * (p50). Other percentiles are accepted and ignored: the health model does not track them.
 */
export function parsePerformancePreferences(provider: ProviderRequestPreferences): PerformancePreferences {
  const result: PerformancePreferences = {};
  const latency = provider.preferred_max_latency;
  if (typeof latency === "number") result.maxLatencyP50Ms = latency * 1000;
  else if (latency) {
    if (latency.p50 !== undefined) result.maxLatencyP50Ms = latency.p50 * 1000;
    if (latency.p90 !== undefined) result.maxLatencyP90Ms = latency.p90 * 1000;
  }
  const throughput = provider.preferred_min_throughput;
  if (typeof throughput === "number") result.minThroughputTps = throughput;
  else if (throughput?.p50 !== undefined) result.minThroughputTps = throughput.p50;
  return result;
}

/** Notes for each preference the endpoint misses. Unknown stats never count as a miss. */
export function missedPreferences(
  health: EndpointHealth | undefined,
  prefs: PerformancePreferences,
): string[] {
  const missed: string[] = [];
  const p50 = health?.latencyP50Ms;
  const p90 = health?.latencyP90Ms;
  if (
    (prefs.maxLatencyP50Ms !== undefined && p50 !== undefined && p50 > prefs.maxLatencyP50Ms) ||
    (prefs.maxLatencyP90Ms !== undefined && p90 !== undefined && p90 > prefs.maxLatencyP90Ms)
  ) {
    missed.push("latency_preference");
  }
  const tps = health?.throughputTps;
  if (prefs.minThroughputTps !== undefined && tps !== undefined && tps < prefs.minThroughputTps) {
    missed.push("throughput_preference");
  }
  return missed;
}
