import type { Catalog, CatalogEndpoint, CatalogModel, ProviderInfo } from "@switchyard/routing";
import { eq } from "drizzle-orm";
import type { Database } from "./client.ts";
import { endpoints, models, providers } from "./schema/index.ts";

/** Reads the whole catalog into the plain in-memory snapshot the router works on. */
export async function loadCatalog(db: Database): Promise<Catalog> {
  const [providerRows, modelRows, endpointRows] = await Promise.all([
    db.select().from(providers),
    db.select().from(models),
    db.select().from(endpoints).where(eq(endpoints.enabled, true)),
  ]);
  const providerMap = new Map<string, ProviderInfo>(
    providerRows.map((p) => [
      p.id,
      {
        id: p.id,
        name: p.name,
        apiFormat: p.apiFormat,
        baseUrl: p.baseUrl,
        trainsOnPrompts: p.trainsOnPrompts,
        retainsPrompts: p.retainsPrompts,
        zdr: p.zdr,
        region: p.region,
      },
    ]),
  );
  const modelMap = new Map<string, CatalogModel>(
    modelRows.map((m) => [
      m.id,
      {
        id: m.id,
        name: m.name,
        description: m.description,
        contextLength: m.contextLength,
        inputModalities: m.inputModalities,
        outputModalities: m.outputModalities,
        tokenizer: m.tokenizer,
        createdAt: m.createdAt,
      },
    ]),
  );
  const endpointsByModel = new Map<string, CatalogEndpoint[]>();
  for (const row of endpointRows) {
    const provider = providerMap.get(row.providerId);
    if (!provider) continue;
    const list = endpointsByModel.get(row.modelId) ?? [];
    list.push({
      id: row.id,
      modelId: row.modelId,
      provider,
      upstreamModel: row.upstreamModel,
      inputPriceNanos: row.inputPriceNanos,
      outputPriceNanos: row.outputPriceNanos,
      cacheReadPriceNanos: row.cacheReadPriceNanos,
      contextLength: row.contextLength,
      maxOutputTokens: row.maxOutputTokens,
      quantization: row.quantization,
      supportedParameters: row.supportedParameters,
    });
    endpointsByModel.set(row.modelId, list);
  }
  for (const list of endpointsByModel.values()) list.sort((a, b) => a.id.localeCompare(b.id));
  return { models: modelMap, endpointsByModel, providers: providerMap };
}
