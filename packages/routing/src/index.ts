export * from "./health/index.ts";
export { planRoute } from "./plan-route.ts";
export type { TokenUsage } from "./pricing.ts";
export { actualCostNanos, affordableOutputTokens, maxCostNanos, parseUsdPerMillion } from "./pricing.ts";
export type { Candidate, FilterContext } from "./route/filter-candidates.ts";
export { filterCandidates } from "./route/filter-candidates.ts";
export { dataPolicyExclusion } from "./route/filters/data-policy.ts";
export { limitExclusion } from "./route/filters/implicit-limits.ts";
export type { MaxPriceNanos, ParsedMaxPrice } from "./route/filters/max-price.ts";
export { parseMaxPrice } from "./route/filters/max-price.ts";
export { orgPreferenceExclusion } from "./route/filters/org-preferences.ts";
export type { RequestFilterContext } from "./route/filters/request-preferences.ts";
export { requestExclusion } from "./route/filters/request-preferences.ts";
export { SOFT_PARAMETERS, softParameterExclusions } from "./route/filters/soft-parameters.ts";
export { isDataPolicyReason, noEndpointsError } from "./route/no-endpoints-error.ts";
export {
  hasRecentFailure,
  isCircuitOpen,
  isHealthy,
  RECENT_FAILURE_MS,
} from "./route/order/health-status.ts";
export type { PerformancePreferences } from "./route/order/performance-preferences.ts";
export { missedPreferences, parsePerformancePreferences } from "./route/order/performance-preferences.ts";
export { compareByPrice, totalPriceNanos } from "./route/order/price.ts";
export type { RankedEndpoint, RankOptions } from "./route/order/rank-endpoints.ts";
export { rankEndpoints } from "./route/order/rank-endpoints.ts";
export type { Scored } from "./route/order/sort-endpoints.ts";
export { sortEndpoints } from "./route/order/sort-endpoints.ts";
export type { SortStrategy } from "./route/order/sort-strategy.ts";
export { resolveSort } from "./route/order/sort-strategy.ts";
export { priceWeights, weightedShuffle } from "./route/order/weighted-shuffle.ts";
export { matchesAny, matchIndex, providerMatches } from "./route/provider-slug.ts";
export type { ResolvedModels } from "./route/resolve-models.ts";
export { resolveModels, stripVariant } from "./route/resolve-models.ts";
export type {
  EndpointNames,
  EndpointNamesLookup,
  StoredAttempt,
  StoredCandidate,
  StoredRouteTrace,
} from "./route/stored-trace.ts";
export {
  endpointNamesIn,
  readRouteTrace,
  storedTraceEndpointIds,
  storeRouteTrace,
} from "./route/stored-trace.ts";
export * from "./types.ts";
