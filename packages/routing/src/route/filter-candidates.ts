import type {
  CatalogEndpoint,
  Exclusion,
  OrgDataPolicy,
  OrgProviderPreferences,
  ProviderRequestPreferences,
  RoutingRequest,
} from "../types.ts";
import { dataPolicyExclusion } from "./filters/data-policy.ts";
import { limitExclusion } from "./filters/implicit-limits.ts";
import type { MaxPriceNanos } from "./filters/max-price.ts";
import { orgPreferenceExclusion } from "./filters/org-preferences.ts";
import { requestExclusion } from "./filters/request-preferences.ts";
import { softParameterExclusions } from "./filters/soft-parameters.ts";
import { matchesAny } from "./provider-slug.ts";

export interface Candidate {
  endpoint: CatalogEndpoint;
  exclusion?: Exclusion;
}

export interface FilterContext {
  policy: OrgDataPolicy;
  preferences: OrgProviderPreferences;
  provider: ProviderRequestPreferences;
  request: RoutingRequest;
  maxPrice: MaxPriceNanos;
  allowFallbacks: boolean;
}

/** With fallbacks disabled and an order set, only the ordered providers stay. */
function orderOnlyExclusion(endpoint: CatalogEndpoint, ctx: FilterContext): Exclusion | undefined {
  if (ctx.allowFallbacks) return undefined;
  const requestOrder = ctx.provider.order ?? [];
  const name = endpoint.provider.name;
  if (requestOrder.length > 0) {
    if (matchesAny(endpoint.provider.id, requestOrder)) return undefined;
    return {
      excludedBy: "request_order_only",
      reason: `${name} is not in provider.order and fallbacks are disabled`,
    };
  }
  if (ctx.preferences.order.length > 0 && !matchesAny(endpoint.provider.id, ctx.preferences.order)) {
    return {
      excludedBy: "org_order_only",
      reason: `${name} is not in your organization's provider order and fallbacks are disabled`,
    };
  }
  return undefined;
}

/**
 * Runs every filter in order, first exclusion wins: org data policy, org preferences, the request's
 * provider object, implicit limits, then the order-only rule and the soft `tools`/`response_format` filter.
 * Org rules run first and nothing later re-admits an endpoint, so a request can only narrow.
 */
export function filterCandidates(endpoints: readonly CatalogEndpoint[], ctx: FilterContext): Candidate[] {
  const requestCtx = {
    provider: ctx.provider,
    maxPrice: ctx.maxPrice,
    usedParameters: ctx.request.usedParameters,
  };
  const candidates: Candidate[] = endpoints.map((endpoint) => {
    const exclusion =
      dataPolicyExclusion(endpoint, ctx.policy) ??
      orgPreferenceExclusion(endpoint, ctx.preferences) ??
      requestExclusion(endpoint, requestCtx) ??
      limitExclusion(endpoint, ctx.request) ??
      orderOnlyExclusion(endpoint, ctx);
    return exclusion ? { endpoint, exclusion } : { endpoint };
  });
  if (ctx.provider.require_parameters === true) return candidates;
  const survivors = candidates.filter((c) => !c.exclusion).map((c) => c.endpoint);
  const soft = softParameterExclusions(survivors, ctx.request.usedParameters);
  return candidates.map((c) => {
    const exclusion = c.exclusion ?? soft.get(c.endpoint.id);
    return exclusion ? { endpoint: c.endpoint, exclusion } : c;
  });
}
