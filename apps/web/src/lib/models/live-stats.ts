import { z } from "zod";

const endpointsResponse = z.object({
  data: z.object({
    endpoints: z.array(
      z.object({
        tag: z.string(),
        uptime_last_30m: z.number().nullish(),
        latency_last_30m: z
          .union([z.number(), z.object({ p50: z.number().nullish() }).passthrough()])
          .nullish(),
      }),
    ),
  }),
});

export interface LiveStats {
  /** 0..100 (percent) or null when there is no recent traffic. */
  uptime: number | null;
  /** p50 milliseconds, or null. */
  latencyMs: number | null;
}

/** Live uptime/latency per provider for one model from the gateway; empty when the gateway is down. */
export async function fetchLiveStats(
  gatewayUrl: string,
  modelId: string,
  timeoutMs = 1_500,
): Promise<Map<string, LiveStats>> {
  const stats = new Map<string, LiveStats>();
  try {
    const response = await fetch(`${gatewayUrl.replace(/\/$/, "")}/models/${modelId}/endpoints`, {
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
    if (!response.ok) return stats;
    const parsed = endpointsResponse.safeParse(await response.json());
    if (!parsed.success) return stats;
    for (const endpoint of parsed.data.data.endpoints) {
      const latency = endpoint.latency_last_30m;
      stats.set(endpoint.tag, {
        uptime: endpoint.uptime_last_30m ?? null,
        latencyMs: typeof latency === "number" ? latency : (latency?.p50 ?? null),
      });
    }
  } catch {
    // The gateway being down only hides live numbers.
  }
  return stats;
}
