import type { CatalogEndpoint } from "../../types.ts";
import { compareByPrice, totalPriceNanos } from "./price.ts";
import type { Scored } from "./sort-endpoints.ts";

/**
 * Selection weights ∝ 1/price² (price = input + output nanos per token), normalised so the cheapest
 * non-free endpoint weighs 1. A free endpoint (price 0) would weigh infinity, so it is weighed as if it
 * cost half the cheapest non-zero price (weight 4): clearly preferred, but not exclusively. If every
 * endpoint is free they weigh the same. Weights are probabilities, not money, so floats are fine here.
 */
export function priceWeights(endpoints: readonly CatalogEndpoint[]): number[] {
  const prices = endpoints.map(totalPriceNanos);
  let min: bigint | undefined;
  for (const price of prices) if (price > 0n && (min === undefined || price < min)) min = price;
  const minPrice = Number(min ?? 1n);
  return prices.map((price) => {
    const effective = price === 0n ? minPrice / 2 : Number(price);
    const ratio = minPrice / effective;
    return ratio * ratio;
  });
}

/**
 * Price-weighted random order: repeatedly draw without replacement with probability ∝ weight.
 * `score` is each endpoint's probability of being drawn first.
 */
export function weightedShuffle(endpoints: readonly CatalogEndpoint[], random: () => number): Scored[] {
  // Sorting first makes the result depend only on the random stream, not on catalog order.
  const pool = [...endpoints].sort(compareByPrice);
  const weights = priceWeights(pool);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const firstChance = new Map(pool.map((e, i) => [e.id, (weights[i] ?? 0) / total]));
  const result: Scored[] = [];
  let remainingTotal = total;
  while (pool.length > 0) {
    let target = random() * remainingTotal;
    let index = pool.length - 1;
    for (let i = 0; i < pool.length; i++) {
      target -= weights[i] ?? 0;
      if (target < 0) {
        index = i;
        break;
      }
    }
    const [endpoint] = pool.splice(index, 1);
    const [weight] = weights.splice(index, 1);
    remainingTotal -= weight ?? 0;
    if (endpoint) result.push({ endpoint, score: firstChance.get(endpoint.id) ?? 0 });
  }
  return result;
}
