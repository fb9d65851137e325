import type { CatalogEndpoint, TraceCandidate } from "../types.ts";
import type { Candidate } from "./filter-candidates.ts";
import type { RankedEndpoint } from "./order/rank-endpoints.ts";

/** A candidate's fixed fields; optional ones are set only when present (the trace is stored as JSON). */
function row(
  endpoint: CatalogEndpoint,
  status: TraceCandidate["status"],
  extra: { rank?: number; score?: number | undefined; notes?: string[] },
): TraceCandidate {
  const candidate: TraceCandidate = {
    endpointId: endpoint.id,
    modelId: endpoint.modelId,
    providerId: endpoint.provider.id,
    providerName: endpoint.provider.name,
    inputPriceNanos: endpoint.inputPriceNanos.toString(),
    outputPriceNanos: endpoint.outputPriceNanos.toString(),
    status,
  };
  if (extra.rank !== undefined) candidate.rank = extra.rank;
  if (extra.score !== undefined) candidate.score = extra.score;
  if (extra.notes !== undefined && extra.notes.length > 0) candidate.notes = extra.notes;
  return candidate;
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
  const rows: TraceCandidate[] = [];
  const attempted = new Set<string>();
  attempts.forEach((entry, rank) => {
    attempted.add(entry.endpoint.id);
    rows.push(row(entry.endpoint, "kept", { rank, score: entry.score, notes: entry.notes }));
  });
  for (const entry of ranked) {
    if (attempted.has(entry.endpoint.id)) continue;
    rows.push(
      row(entry.endpoint, "kept", { score: entry.score, notes: [...entry.notes, "fallbacks_disabled"] }),
    );
  }
  for (const { endpoint, exclusion } of candidates) {
    if (!exclusion) continue;
    const excluded = row(endpoint, "excluded", {});
    excluded.excludedBy = exclusion.excludedBy;
    excluded.reason = exclusion.reason;
    rows.push(excluded);
  }
  return rows;
}
