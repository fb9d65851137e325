import { apiKeys, type Database, generations, providers } from "@switchyard/db";
import type { RouteTrace } from "@switchyard/routing";
import { and, eq } from "drizzle-orm";

/** A stored route trace, checked just enough to draw (older rows may lack newer fields). */
export function parseRouteTrace(value: unknown): RouteTrace | null {
  if (!value || typeof value !== "object") return null;
  const trace = value as Partial<RouteTrace>;
  if (!Array.isArray(trace.candidates) || !Array.isArray(trace.attempts)) return null;
  return {
    requestedModels: Array.isArray(trace.requestedModels) ? trace.requestedModels : [],
    strategy: trace.strategy ?? "balanced",
    allowFallbacks: trace.allowFallbacks ?? true,
    candidates: trace.candidates,
    attempts: trace.attempts,
    ...(trace.sortStrategy ? { sortStrategy: trace.sortStrategy } : {}),
    ...(trace.unknownModels ? { unknownModels: trace.unknownModels } : {}),
  };
}

/** One generation of the org (null when missing or another org's). */
export async function getGeneration(db: Pick<Database, "select">, orgId: string, id: string) {
  const [row] = await db
    .select({
      generation: generations,
      keyName: apiKeys.name,
      keyPrefix: apiKeys.prefix,
      providerName: providers.name,
    })
    .from(generations)
    .leftJoin(apiKeys, eq(apiKeys.id, generations.keyId))
    .leftJoin(providers, eq(providers.id, generations.providerId))
    .where(and(eq(generations.orgId, orgId), eq(generations.id, id)));
  if (!row) return null;
  return {
    ...row.generation,
    providerName: row.providerName,
    keyName: row.keyName,
    keyPrefix: row.keyPrefix,
    trace: parseRouteTrace(row.generation.routeTrace),
  };
}

/** Distinct values for the filter dropdowns: model ids, and providers by id with their names. */
export async function generationFilterOptions(db: Pick<Database, "selectDistinct">, orgId: string) {
  const [modelRows, providerRows] = await Promise.all([
    db.selectDistinct({ v: generations.modelId }).from(generations).where(eq(generations.orgId, orgId)),
    db
      .selectDistinct({ id: generations.providerId, name: providers.name })
      .from(generations)
      .leftJoin(providers, eq(providers.id, generations.providerId))
      .where(eq(generations.orgId, orgId)),
  ]);
  const models = modelRows
    .map((r) => r.v)
    .filter((v): v is string => Boolean(v))
    .sort();
  const providerOptions = providerRows
    .flatMap(({ id, name }) => (id ? [{ id, name: name ?? id }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { models, providers: providerOptions };
}
