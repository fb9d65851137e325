import type { Catalog, ExclusionReason, RouteTrace, TraceAttempt, TraceCandidate } from "../types.ts";

/**
 * A route trace as a generation row stores it: the same facts as RouteTrace in about half the
 * bytes. Every usage record carries its trace through Redis, the billing worker and Postgres, and
 * the trace was most of a record's bytes and cost (docs/performance.md). So an endpoint's model,
 * provider and provider name are left out (the endpoint id names them, and readers look them up in
 * the catalog), and each candidate and attempt is an array by position. Rows written before this
 * format hold a RouteTrace, which readers take as it is.
 */
export interface StoredRouteTrace {
  v: 2;
  requestedModels: string[];
  strategy: RouteTrace["strategy"];
  allowFallbacks: boolean;
  sortStrategy?: RouteTrace["sortStrategy"];
  partition?: RouteTrace["partition"];
  unknownModels?: string[];
  candidates: StoredCandidate[];
  attempts: StoredAttempt[];
}

/** Trailing nulls are left off. */
export type StoredCandidate = [
  endpointId: string,
  inputPriceNanos: string,
  outputPriceNanos: string,
  status: TraceCandidate["status"],
  rank?: number | null,
  score?: number | null,
  notes?: string[] | null,
  excludedBy?: ExclusionReason | null,
  reason?: string | null,
];

/** Trailing nulls are left off. */
export type StoredAttempt = [
  endpointId: string,
  status: TraceAttempt["status"],
  latencyMs: number,
  httpStatus?: number | null,
  errorCode?: string | null,
  retryable?: boolean | null,
];

/** What the catalog says about an endpoint, for reading a stored trace back. */
export interface EndpointNames {
  modelId: string;
  providerId: string;
  providerName: string;
}

export type EndpointNamesLookup = (endpointId: string) => EndpointNames | undefined;

/** The trace's optional top-level fields, only those that are set (a trace is stored as JSON). */
function optionalFields(from: Pick<RouteTrace, "sortStrategy" | "partition" | "unknownModels">) {
  return {
    ...(from.sortStrategy ? { sortStrategy: from.sortStrategy } : {}),
    ...(from.partition ? { partition: from.partition } : {}),
    ...(from.unknownModels ? { unknownModels: from.unknownModels } : {}),
  };
}

function withoutTrailingNulls<T extends unknown[]>(values: T): T {
  let end = values.length;
  while (end > 0 && (values[end - 1] === null || values[end - 1] === undefined)) end -= 1;
  return values.slice(0, end) as T;
}

export function storeRouteTrace(trace: RouteTrace): StoredRouteTrace {
  return {
    v: 2,
    requestedModels: trace.requestedModels,
    strategy: trace.strategy,
    allowFallbacks: trace.allowFallbacks,
    ...optionalFields(trace),
    candidates: trace.candidates.map((c) =>
      withoutTrailingNulls<StoredCandidate>([
        c.endpointId,
        c.inputPriceNanos,
        c.outputPriceNanos,
        c.status,
        c.rank ?? null,
        c.score ?? null,
        c.notes ?? null,
        c.excludedBy ?? null,
        c.reason ?? null,
      ]),
    ),
    attempts: trace.attempts.map((a) =>
      withoutTrailingNulls<StoredAttempt>([
        a.endpointId,
        a.status,
        a.latencyMs,
        a.httpStatus ?? null,
        a.errorCode ?? null,
        a.retryable ?? null,
      ]),
    ),
  };
}

const isStored = (value: object): value is StoredRouteTrace => (value as { v?: unknown }).v === 2;

/** The endpoint ids a stored trace names, to look up before reading it (none for older rows). */
export function storedTraceEndpointIds(value: unknown): string[] {
  if (!value || typeof value !== "object" || !isStored(value)) return [];
  const rows = [
    ...(Array.isArray(value.candidates) ? value.candidates : []),
    ...(Array.isArray(value.attempts) ? value.attempts : []),
  ];
  return [
    ...new Set(rows.flatMap((row) => (Array.isArray(row) && typeof row[0] === "string" ? [row[0]] : []))),
  ];
}

/**
 * A stored route trace as a RouteTrace, or null when the value is not one. An endpoint the catalog
 * no longer has keeps its id in place of its names.
 */
export function readRouteTrace(value: unknown, lookup: EndpointNamesLookup): RouteTrace | null {
  if (!value || typeof value !== "object") return null;
  if (!isStored(value)) return readOlderTrace(value as Partial<RouteTrace>);
  const rowsOk = (rows: unknown) => Array.isArray(rows) && rows.every(Array.isArray);
  if (!rowsOk(value.candidates) || !rowsOk(value.attempts)) return null;
  const names = (endpointId: string): EndpointNames =>
    lookup(endpointId) ?? { modelId: endpointId, providerId: endpointId, providerName: endpointId };
  return {
    requestedModels: value.requestedModels ?? [],
    strategy: value.strategy,
    allowFallbacks: value.allowFallbacks,
    ...optionalFields(value),
    candidates: value.candidates.map(
      ([endpointId, inputPriceNanos, outputPriceNanos, status, rank, score, notes, excludedBy, reason]) => {
        const { modelId, providerId, providerName } = names(endpointId);
        const candidate: TraceCandidate = {
          endpointId,
          modelId,
          providerId,
          providerName,
          inputPriceNanos,
          outputPriceNanos,
          status,
        };
        if (rank != null) candidate.rank = rank;
        if (score != null) candidate.score = score;
        if (notes != null) candidate.notes = notes;
        if (excludedBy != null) candidate.excludedBy = excludedBy;
        if (reason != null) candidate.reason = reason;
        return candidate;
      },
    ),
    attempts: value.attempts.map(([endpointId, status, latencyMs, httpStatus, errorCode, retryable]) => {
      const { modelId, providerId } = names(endpointId);
      const attempt: TraceAttempt = { endpointId, providerId, modelId, status, latencyMs };
      if (httpStatus != null) attempt.httpStatus = httpStatus;
      if (errorCode != null) attempt.errorCode = errorCode;
      if (retryable != null) attempt.retryable = retryable;
      return attempt;
    }),
  };
}

/** A row from before the stored format: a RouteTrace, checked just enough to draw. */
function readOlderTrace(trace: Partial<RouteTrace>): RouteTrace | null {
  if (!Array.isArray(trace.candidates) || !Array.isArray(trace.attempts)) return null;
  return {
    requestedModels: Array.isArray(trace.requestedModels) ? trace.requestedModels : [],
    strategy: trace.strategy ?? "balanced",
    allowFallbacks: trace.allowFallbacks ?? true,
    candidates: trace.candidates,
    attempts: trace.attempts,
    ...optionalFields(trace),
  };
}

/** Endpoint names from a catalog snapshot (the gateway reads traces against its own). */
export function endpointNamesIn(catalog: Catalog): EndpointNamesLookup {
  const byId = new Map<string, EndpointNames>();
  for (const endpoints of catalog.endpointsByModel.values()) {
    for (const { id, modelId, provider } of endpoints) {
      byId.set(id, { modelId, providerId: provider.id, providerName: provider.name });
    }
  }
  return (endpointId) => byId.get(endpointId);
}
