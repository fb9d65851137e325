import type { OrgProviderPreferences, ProviderRequestPreferences, RoutingSort } from "../../types.ts";

export interface SortStrategy {
  by: RoutingSort;
  partition: "model" | "none";
}

/**
 * Precedence: the request's `provider.sort`, then a `:floor` / `:nitro` model suffix, then the org's
 * preferred sort. Default "balanced" (price-weighted load balancing), always partitioned by model.
 */
export function resolveSort(
  requestSort: ProviderRequestPreferences["sort"],
  suffixSort: RoutingSort | undefined,
  preferences: OrgProviderPreferences,
): SortStrategy {
  if (typeof requestSort === "string") return { by: requestSort, partition: "model" };
  if (requestSort) return { by: requestSort.by, partition: requestSort.partition ?? "model" };
  if (suffixSort) return { by: suffixSort, partition: "model" };
  return { by: preferences.sort, partition: "model" };
}
