import type { EndpointHealth } from "../../types.ts";

/** An endpoint whose last failure is this recent is pushed behind healthy ones (OpenRouter: 30 s). */
export const RECENT_FAILURE_MS = 30_000;

export function hasRecentFailure(health: EndpointHealth | undefined, now: number): boolean {
  return health?.lastFailureAt !== undefined && now - health.lastFailureAt < RECENT_FAILURE_MS;
}

/**
 * Pushed behind healthy endpoints by default balancing: a recent failure, unless the breaker has
 * cooled down to half-open. A half-open endpoint competes normally so live traffic probes it
 * (fallback covers a failed probe); otherwise a recovered provider would wait out the full window.
 */
export function isDemotedForRecentFailure(health: EndpointHealth | undefined, now: number): boolean {
  return health?.circuit !== "half_open" && hasRecentFailure(health, now);
}

export function isCircuitOpen(health: EndpointHealth | undefined): boolean {
  return health?.circuit === "open";
}

/** Healthy enough to stick to: circuit closed and no recent failure. */
export function isHealthy(health: EndpointHealth | undefined, now: number): boolean {
  return (health?.circuit ?? "closed") === "closed" && !hasRecentFailure(health, now);
}
