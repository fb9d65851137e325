import type { Catalog, RoutingRequest, RoutingSort } from "../types.ts";

/** Dynamic variants that change the routing strategy, not the model. */
const SORT_SUFFIXES: Record<string, RoutingSort> = { floor: "price", nitro: "throughput" };

export interface ResolvedModels {
  /** Every requested model id after stripping suffixes, deduplicated, in request order. */
  requested: string[];
  /** Requested models present in the catalog, in request order. */
  known: string[];
  unknown: string[];
  /** Sort implied by the first `:floor` / `:nitro` suffix, if any. */
  suffixSort?: RoutingSort;
}

export function stripVariant(model: string): { id: string; sort?: RoutingSort } {
  const colon = model.lastIndexOf(":");
  if (colon > 0) {
    const sort = SORT_SUFFIXES[model.slice(colon + 1).toLowerCase()];
    if (sort) return { id: model.slice(0, colon), sort };
  }
  return { id: model };
}

export function resolveModels(request: RoutingRequest, catalog: Catalog): ResolvedModels {
  const requested: string[] = [];
  let suffixSort: RoutingSort | undefined;
  for (const raw of [request.model, ...(request.models ?? [])]) {
    const { id, sort } = stripVariant(raw.trim());
    suffixSort ??= sort;
    if (id !== "" && !requested.includes(id)) requested.push(id);
  }
  const known = requested.filter((id) => catalog.models.has(id) || catalog.endpointsByModel.has(id));
  const unknown = requested.filter((id) => !known.includes(id));
  return suffixSort ? { requested, known, unknown, suffixSort } : { requested, known, unknown };
}
