import { perTokenPriceString } from "@switchyard/config";
import { type CatalogEndpoint, type CatalogModel, compareByPrice } from "@switchyard/routing";
import type { EndpointStats } from "../health/health-store.ts";

/** OpenRouter's price object: decimal strings of USD per token. */
export function pricingOf(endpoint: CatalogEndpoint) {
  return {
    prompt: perTokenPriceString(endpoint.inputPriceNanos),
    completion: perTokenPriceString(endpoint.outputPriceNanos),
    request: "0",
    image: "0",
    input_cache_read:
      endpoint.cacheReadPriceNanos === null ? undefined : perTokenPriceString(endpoint.cacheReadPriceNanos),
  };
}

export function architectureOf(model: CatalogModel) {
  return {
    modality: `${model.inputModalities.join("+")}->${model.outputModalities.join("+")}`,
    input_modalities: model.inputModalities,
    output_modalities: model.outputModalities,
    tokenizer: model.tokenizer,
    instruct_type: null,
  };
}

function cheapest(endpoints: CatalogEndpoint[]): CatalogEndpoint | undefined {
  return [...endpoints].sort(compareByPrice)[0];
}

export function modelView(model: CatalogModel, endpoints: CatalogEndpoint[]) {
  const top = cheapest(endpoints);
  return {
    id: model.id,
    canonical_slug: model.id,
    name: model.name,
    created: Math.floor(model.createdAt.getTime() / 1000),
    description: model.description,
    context_length: model.contextLength,
    architecture: architectureOf(model),
    pricing: top ? pricingOf(top) : null,
    top_provider: {
      context_length: top?.contextLength ?? model.contextLength,
      max_completion_tokens: top?.maxOutputTokens ?? null,
      is_moderated: false,
    },
    per_request_limits: null,
    supported_parameters: [...new Set(endpoints.flatMap((e) => e.supportedParameters))].sort(),
    providers: endpoints.map((e) => e.provider.id),
  };
}

export function endpointView(model: CatalogModel, endpoint: CatalogEndpoint, stats: EndpointStats) {
  const { provider } = endpoint;
  return {
    name: `${provider.name} | ${model.id}`,
    model_id: model.id,
    model_name: model.name,
    provider_name: provider.name,
    tag: provider.id,
    context_length: endpoint.contextLength,
    max_prompt_tokens: null,
    max_completion_tokens: endpoint.maxOutputTokens,
    pricing: pricingOf(endpoint),
    quantization: endpoint.quantization,
    supported_parameters: endpoint.supportedParameters,
    supports_implicit_caching: endpoint.cacheReadPriceNanos !== null,
    status: stats.circuit === "open" ? -2 : 0,
    uptime_last_5m: stats.uptimeLast5m,
    uptime_last_30m: stats.uptimeLast30m,
    latency_last_30m: stats.ttftP50Ms === null ? null : { p50: Math.round(stats.ttftP50Ms) },
    throughput_last_30m: stats.throughputTps === null ? null : { p50: Math.round(stats.throughputTps) },
    data_policy: {
      training: provider.trainsOnPrompts,
      retains_prompts: provider.retainsPrompts,
      zdr: provider.zdr,
      region: provider.region,
    },
  };
}
