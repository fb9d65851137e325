import type { CatalogEndpoint } from "../../types.ts";

/** The price used to rank endpoints: input + output nanos per token. */
export function totalPriceNanos(endpoint: CatalogEndpoint): bigint {
  return endpoint.inputPriceNanos + endpoint.outputPriceNanos;
}

export function compareByPrice(a: CatalogEndpoint, b: CatalogEndpoint): number {
  const pa = totalPriceNanos(a);
  const pb = totalPriceNanos(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
