import type { CatalogEndpoint, HealthLookup } from "../../types.ts";
import { compareByPrice, totalPriceNanos } from "./price.ts";

export interface Scored {
  endpoint: CatalogEndpoint;
  score?: number;
}

/** Unknown values sort last; ties fall back to price, then id. */
function compareKnownFirst(a: number | undefined, b: number | undefined, direction: 1 | -1): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return (a - b) * direction;
}

/** Deterministic sort: price ascending, latency p50 ascending, or throughput descending. */
export function sortEndpoints(
  endpoints: readonly CatalogEndpoint[],
  by: "price" | "latency" | "throughput",
  health: HealthLookup,
): Scored[] {
  if (by === "price") {
    return [...endpoints]
      .sort(compareByPrice)
      .map((endpoint) => ({ endpoint, score: Number(totalPriceNanos(endpoint)) }));
  }
  const key = (e: CatalogEndpoint): number | undefined =>
    by === "latency" ? health(e.id)?.latencyP50Ms : health(e.id)?.throughputTps;
  const direction = by === "latency" ? 1 : -1;
  return [...endpoints]
    .sort((a, b) => compareKnownFirst(key(a), key(b), direction) || compareByPrice(a, b))
    .map((endpoint) => {
      const score = key(endpoint);
      return score === undefined ? { endpoint } : { endpoint, score };
    });
}
