import { apiKeys, type Database, endpoints, generations, providers } from "@switchyard/db";
import { type EndpointNamesLookup, readRouteTrace, storedTraceEndpointIds } from "@switchyard/routing";
import { and, eq, inArray } from "drizzle-orm";

/** The catalog's names for the endpoints a stored trace mentions, for reading it back. */
async function endpointNamesFor(db: Pick<Database, "select">, stored: unknown): Promise<EndpointNamesLookup> {
  const ids = storedTraceEndpointIds(stored);
  if (ids.length === 0) return () => undefined;
  const rows = await db
    .select({
      id: endpoints.id,
      modelId: endpoints.modelId,
      providerId: providers.id,
      providerName: providers.name,
    })
    .from(endpoints)
    .innerJoin(providers, eq(providers.id, endpoints.providerId))
    .where(inArray(endpoints.id, ids));
  const byId = new Map(rows.map(({ id, ...names }) => [id, names]));
  return (endpointId) => byId.get(endpointId);
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
    trace: readRouteTrace(row.generation.routeTrace, await endpointNamesFor(db, row.generation.routeTrace)),
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
