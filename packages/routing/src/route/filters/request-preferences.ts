import type { CatalogEndpoint, Exclusion, ProviderRequestPreferences } from "../../types.ts";
import { matchesAny } from "../provider-slug.ts";
import type { MaxPriceNanos } from "./max-price.ts";

export interface RequestFilterContext {
  provider: ProviderRequestPreferences;
  maxPrice: MaxPriceNanos;
  usedParameters: readonly string[];
}

/** nanos per token -> "$x/M" (USD per million tokens = nanos per token / 1000), exact. */
function usdPerMillion(nanosPerToken: bigint): string {
  const whole = nanosPerToken / 1000n;
  const frac = (nanosPerToken % 1000n).toString().padStart(3, "0").replace(/0+$/, "");
  return `$${whole}${frac ? `.${frac}` : ""}/M`;
}

/** Filter 3: the request's `provider` object. It can only narrow what the org allows. */
export function requestExclusion(
  endpoint: CatalogEndpoint,
  ctx: RequestFilterContext,
): Exclusion | undefined {
  const { provider } = endpoint;
  const prefs = ctx.provider;
  if (prefs.only && prefs.only.length > 0 && !matchesAny(provider.id, prefs.only)) {
    return {
      excludedBy: "request_only",
      reason: `${provider.name} is not in the request's provider.only list`,
    };
  }
  if (prefs.ignore && matchesAny(provider.id, prefs.ignore)) {
    return {
      excludedBy: "request_ignore",
      reason: `${provider.name} is in the request's provider.ignore list`,
    };
  }
  if (prefs.data_collection === "deny") {
    if (provider.trainsOnPrompts) {
      return {
        excludedBy: "data_policy:training",
        reason: `${provider.name} may train on prompts; the request set provider.data_collection to "deny"`,
      };
    }
    if (provider.retainsPrompts) {
      return {
        excludedBy: "data_policy:retention",
        reason: `${provider.name} retains prompts; the request set provider.data_collection to "deny"`,
      };
    }
  }
  if (prefs.zdr === true && !provider.zdr) {
    return {
      excludedBy: "data_policy:zdr",
      reason: `${provider.name} is not zero-data-retention; the request set provider.zdr`,
    };
  }
  const quantizations = prefs.quantizations?.map((q) => q.toLowerCase()) ?? [];
  if (quantizations.length > 0 && !quantizations.includes(endpoint.quantization.toLowerCase())) {
    return {
      excludedBy: "quantization",
      reason: `${provider.name} serves ${endpoint.quantization}; the request allows ${quantizations.join(", ")}`,
    };
  }
  if (prefs.require_parameters === true) {
    const missing = ctx.usedParameters.filter((p) => !endpoint.supportedParameters.includes(p));
    if (missing.length > 0) {
      return {
        excludedBy: "require_parameters",
        reason: `${provider.name} does not support ${missing.join(", ")} (provider.require_parameters)`,
        details: missing,
      };
    }
  }
  const { prompt, completion } = ctx.maxPrice;
  if (prompt !== undefined && endpoint.inputPriceNanos > prompt) {
    return {
      excludedBy: "max_price",
      reason: `${provider.name} charges ${usdPerMillion(endpoint.inputPriceNanos)} for prompt tokens, above max_price.prompt ${usdPerMillion(prompt)}`,
    };
  }
  if (completion !== undefined && endpoint.outputPriceNanos > completion) {
    return {
      excludedBy: "max_price",
      reason: `${provider.name} charges ${usdPerMillion(endpoint.outputPriceNanos)} for completion tokens, above max_price.completion ${usdPerMillion(completion)}`,
    };
  }
  return undefined;
}
