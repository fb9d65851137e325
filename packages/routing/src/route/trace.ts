import type { CatalogEndpoint, TraceCandidate } from "../types.ts";
import type { Candidate } from "./filter-candidates.ts";
import type { RankedEndpoint } from "./order/rank-endpoints.ts";

type TraceBase = Omit<TraceCandidate, "status">;

/** Per endpoint object of a catalog snapshot, built once: every request's trace repeats them. */
const bases = new WeakMap<CatalogEndpoint, Readonly<TraceBase>>();
function base(endpoint: CatalogEndpoint): Readonly<TraceBase> {
  let fields = bases.get(endpoint);
  if (!fields) {
    fields = {
      endpointId: endpoint.id,
      modelId: endpoint.modelId,
      providerId: endpoint.provider.id,
      providerName: endpoint.provider.name,
      inputPriceNanos: endpoint.inputPriceNanos.toString(),
      outputPriceNanos: endpoint.outputPriceNanos.toString(),
    };
    bases.set(endpoint, fields);
  }
  return fields;
}

/**
 * Every candidate for the route trace: attempted ones in try order (with rank), kept ones that will
 * not be tried because fallbacks are disabled, then the excluded ones with code and reason.
 */
export function buildTraceCandidates(
  attempts: readonly RankedEndpoint[],
  ranked: readonly RankedEndpoint[],
  candidates: readonly Candidate[],
): TraceCandidate[] {
  const attempted = new Set(attempts.map((a) => a.endpoint.id));
  const rows: TraceCandidate[] = attempts.map((entry, rank) => ({
    ...base(entry.endpoint),
    status: "kept",
    rank,
    ...(entry.score === undefined ? {} : { score: entry.score }),
    ...(entry.notes.length > 0 ? { notes: entry.notes } : {}),
  }));
  for (const entry of ranked) {
    if (attempted.has(entry.endpoint.id)) continue;
    rows.push({
      ...base(entry.endpoint),
      status: "kept",
      ...(entry.score === undefined ? {} : { score: entry.score }),
      notes: [...entry.notes, "fallbacks_disabled"],
    });
  }
  for (const { endpoint, exclusion } of candidates) {
    if (!exclusion) continue;
    rows.push({
      ...base(endpoint),
      status: "excluded",
      excludedBy: exclusion.excludedBy,
      reason: exclusion.reason,
    });
  }
  return rows;
}
