import type { Catalog, PlanRouteInput, RoutingRequest } from "../types.ts";
import { DEFAULT_DATA_POLICY, DEFAULT_PREFERENCES } from "../types.ts";
import { seededRandom } from "./seeded-random.ts";

export const TEST_NOW = 1_700_000_000_000;

/** A `planRoute` input with permissive defaults: default policy/preferences, no health data, seeded random. */
export function planInput(
  catalog: Catalog,
  request: Partial<RoutingRequest> & { model: string },
  overrides: Partial<Omit<PlanRouteInput, "catalog" | "request">> = {},
): PlanRouteInput {
  return {
    catalog,
    policy: DEFAULT_DATA_POLICY,
    preferences: DEFAULT_PREFERENCES,
    health: () => undefined,
    now: TEST_NOW,
    random: seededRandom(1),
    ...overrides,
    request: { usedParameters: [], estimatedPromptTokens: 100, ...request },
  };
}
