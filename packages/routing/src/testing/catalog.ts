import type { Catalog, CatalogEndpoint, CatalogModel, ProviderInfo } from "../types.ts";

/** Builders for tests (here and in the gateway): small, explicit catalogs without a database. */

export function makeProvider(id: string, overrides: Partial<ProviderInfo> = {}): ProviderInfo {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    apiFormat: "openai_compatible",
    baseUrl: `https://${id.replace("/", "-")}.example.test/v1`,
    trainsOnPrompts: false,
    retainsPrompts: false,
    zdr: true,
    region: "us",
    ...overrides,
  };
}

export function makeEndpoint(
  modelId: string,
  provider: ProviderInfo,
  overrides: Partial<CatalogEndpoint> = {},
): CatalogEndpoint {
  return {
    id: `ep_${provider.id.replace("/", "_")}__${modelId.replace("/", "__")}`,
    modelId,
    provider,
    upstreamModel: modelId.split("/")[1] ?? modelId,
    inputPriceNanos: 1000n,
    outputPriceNanos: 2000n,
    cacheReadPriceNanos: null,
    contextLength: 131072,
    maxOutputTokens: 8192,
    quantization: "fp16",
    supportedParameters: ["temperature", "max_tokens", "tools", "response_format"],
    ...overrides,
  };
}

export function makeModel(id: string, overrides: Partial<CatalogModel> = {}): CatalogModel {
  return {
    id,
    name: id,
    description: "",
    contextLength: 131072,
    inputModalities: ["text"],
    outputModalities: ["text"],
    tokenizer: "Other",
    createdAt: new Date(0),
    ...overrides,
  };
}

/** A catalog from endpoints; every model id referenced gets a model entry (plus `extraModels` without endpoints). */
export function makeCatalog(endpoints: CatalogEndpoint[], extraModels: string[] = []): Catalog {
  const models = new Map<string, CatalogModel>();
  const endpointsByModel = new Map<string, CatalogEndpoint[]>();
  const providers = new Map<string, ProviderInfo>();
  for (const id of extraModels) models.set(id, makeModel(id));
  for (const endpoint of endpoints) {
    if (!models.has(endpoint.modelId)) models.set(endpoint.modelId, makeModel(endpoint.modelId));
    endpointsByModel.set(endpoint.modelId, [...(endpointsByModel.get(endpoint.modelId) ?? []), endpoint]);
    providers.set(endpoint.provider.id, endpoint.provider);
  }
  return { models, endpointsByModel, providers };
}
