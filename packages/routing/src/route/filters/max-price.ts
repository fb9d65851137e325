import { parseUsdPerMillion } from "../../pricing.ts";
import type { ProviderRequestPreferences } from "../../types.ts";

/** `provider.max_price` in nanos per token. `request` (per-request fee) is not priced in the catalog. */
export interface MaxPriceNanos {
  prompt?: bigint;
  completion?: bigint;
}

export type ParsedMaxPrice = { ok: true; value: MaxPriceNanos } | { ok: false; message: string };

export function parseMaxPrice(maxPrice: ProviderRequestPreferences["max_price"]): ParsedMaxPrice {
  const value: MaxPriceNanos = {};
  for (const key of ["prompt", "completion"] as const) {
    const raw = maxPrice?.[key];
    if (raw === undefined) continue;
    try {
      value[key] = parseUsdPerMillion(raw);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `Invalid provider.max_price.${key}: ${detail}` };
    }
  }
  return { ok: true, value };
}
