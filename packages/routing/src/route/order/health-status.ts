import type { EndpointHealth } from "../../types.ts";

/** An endpoint whose last failure is this recent is pushed behind healthy ones (OpenRouter: 30 s). */
export const RECENT_FAILURE_MS = 30_000;

export function hasRecentFailure(health: EndpointHealth | undefined, now: number): boolean {
  return health?.lastFailureAt !== undefined && now - health.lastFailureAt < RECENT_FAILURE_MS;
}

export function isCircuitOpen(health: EndpointHealth | undefined): boolean {
  return health?.circuit === "open";
}

/** Healthy enough to stick to: circuit closed and no recent failure. */
export function isHealthy(health: EndpointHealth | undefined, now: number): boolean {
  return (health?.circuit ?? "closed") === "closed" && !hasRecentFailure(health, now);
}
