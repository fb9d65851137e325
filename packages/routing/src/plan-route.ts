import { type Candidate, filterCandidates } from "./route/filter-candidates.ts";
import { parseMaxPrice } from "./route/filters/max-price.ts";
import { noEndpointsError } from "./route/no-endpoints-error.ts";
import { parsePerformancePreferences } from "./route/order/performance-preferences.ts";
import { type RankedEndpoint, rankEndpoints } from "./route/order/rank-endpoints.ts";
import { resolveSort } from "./route/order/sort-strategy.ts";
import { resolveModels } from "./route/resolve-models.ts";
import { buildTraceCandidates } from "./route/trace.ts";
import type { CatalogEndpoint, NoEndpointsError, PlanRouteInput, RoutePlan, RouteTrace } from "./types.ts";

/** With fallbacks disabled (and no order), each requested model keeps only its first endpoint. */
function firstPerModel(ranked: readonly RankedEndpoint[]): RankedEndpoint[] {
  const seen = new Set<string>();
  return ranked.filter((entry) => {
    if (seen.has(entry.endpoint.modelId)) return false;
    seen.add(entry.endpoint.modelId);
    return true;
  });
}

function dedupeById(endpoints: CatalogEndpoint[]): CatalogEndpoint[] {
  const byId = new Map<string, CatalogEndpoint>();
  for (const endpoint of endpoints) if (!byId.has(endpoint.id)) byId.set(endpoint.id, endpoint);
  return [...byId.values()];
}

/**
 * Decides where a request may go and in which order to try it. Pure: the catalog, org rules,
 * health, clock and randomness are all passed in. See docs in each `route/` file for the rules.
 */
export function planRoute(input: PlanRouteInput): RoutePlan {
  const { catalog, policy, preferences, request } = input;
  const provider = request.provider ?? {};
  const models = resolveModels(request, catalog);
  const allowFallbacks = (provider.allow_fallbacks ?? true) && preferences.allowFallbacks;
  const sort = resolveSort(provider.sort, models.suffixSort, preferences);
  const explicitOrder = [...(provider.order ?? []), ...preferences.order];
  const trace: RouteTrace = {
    requestedModels: models.requested,
    strategy: explicitOrder.length > 0 ? "order" : sort.by,
    sortStrategy: sort.by,
    partition: sort.by === "balanced" ? "model" : sort.partition,
    allowFallbacks,
    candidates: [],
    attempts: [],
  };
  if (models.unknown.length > 0) trace.unknownModels = models.unknown;
  const fail = (error: NoEndpointsError, candidates: Candidate[] = []): RoutePlan => ({
    attempts: [],
    trace: { ...trace, candidates: buildTraceCandidates([], [], candidates) },
    error,
  });

  if (models.known.length === 0) {
    const names = models.requested.join(", ") || "(none)";
    return fail({
      code: "model_not_found",
      status: 400,
      message: `${models.requested.length > 1 ? "Models" : "Model"} ${names} not found`,
      excludedBy: [],
    });
  }
  const maxPrice = parseMaxPrice(provider.max_price);
  if (!maxPrice.ok) {
    return fail({ code: "invalid_request", status: 400, message: maxPrice.message, excludedBy: [] });
  }
  const endpoints = dedupeById(models.known.flatMap((model) => catalog.endpointsByModel.get(model) ?? []));
  if (endpoints.length === 0) {
    return fail({
      code: "no_endpoints",
      status: 404,
      message: `No endpoints found for ${models.known.join(", ")}`,
      excludedBy: [],
    });
  }

  const candidates = filterCandidates(endpoints, {
    policy,
    preferences,
    provider,
    request,
    maxPrice: maxPrice.value,
    allowFallbacks,
  });
  const kept = candidates.filter((c) => !c.exclusion).map((c) => c.endpoint);
  if (kept.length === 0) {
    const exclusions = candidates.flatMap((c) => (c.exclusion ? [c.exclusion] : []));
    return fail(noEndpointsError(models.known, exclusions), candidates);
  }

  const ranked = rankEndpoints(kept, {
    modelOrder: models.known,
    explicitOrder,
    sort,
    health: input.health,
    now: input.now,
    random: input.random,
    performance: parsePerformancePreferences(provider),
    ...(input.stickyEndpointId === undefined ? {} : { stickyEndpointId: input.stickyEndpointId }),
  });
  const attempts = allowFallbacks || explicitOrder.length > 0 ? ranked : firstPerModel(ranked);
  return {
    attempts: attempts.map((entry) => entry.endpoint),
    trace: { ...trace, candidates: buildTraceCandidates(attempts, ranked, candidates) },
  };
}
