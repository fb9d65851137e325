import { describe, expect, it } from "vitest";
import { planRoute } from "./plan-route.ts";
import {
  makeCatalog,
  makeEndpoint,
  makeProvider,
  planInput,
  seededRandom,
  TEST_NOW,
} from "./testing/index.ts";
import type { HealthLookup } from "./types.ts";

const DRAWS = 20_000;
const TOLERANCE = 0.02;

/** Share of first choices per provider over DRAWS plans drawn from one seeded random stream. */
function firstChoiceShares(prices: Record<string, bigint>, health: HealthLookup = () => undefined) {
  const catalog = makeCatalog(
    Object.entries(prices).map(([provider, total]) =>
      makeEndpoint("m/x", makeProvider(provider), {
        inputPriceNanos: total / 2n,
        outputPriceNanos: total / 2n,
      }),
    ),
  );
  const random = seededRandom(20_240_601);
  const counts = new Map<string, number>();
  for (let i = 0; i < DRAWS; i++) {
    const first = planRoute(planInput(catalog, { model: "m/x" }, { random, health })).attempts[0]?.provider
      .id;
    if (first) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return Object.fromEntries(Object.keys(prices).map((p) => [p, (counts.get(p) ?? 0) / DRAWS]));
}

function expectedShares(weights: Record<string, number>) {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, w / total]));
}

describe("balanced load balancing (statistical, seeded)", () => {
  it("picks each endpoint first with probability proportional to 1/price²", () => {
    const shares = firstChoiceShares({ a: 2000n, b: 4000n, c: 6000n });
    const expected = expectedShares({ a: 1, b: 1 / 4, c: 1 / 9 });
    for (const provider of ["a", "b", "c"]) {
      expect(Math.abs((shares[provider] ?? 0) - (expected[provider] ?? 0))).toBeLessThan(TOLERANCE);
    }
  });

  it("never picks a recently failed endpoint first while healthy ones exist (A 9x as often as C)", () => {
    const failed = "ep_b__m__x";
    const health: HealthLookup = (id) =>
      id === failed
        ? { circuit: "closed", errorRate: 1, samples: 3, lastFailureAt: TEST_NOW - 10_000 }
        : undefined;
    const shares = firstChoiceShares({ a: 2000n, b: 4000n, c: 6000n }, health);
    expect(shares.b).toBe(0);
    expect(Math.abs((shares.a ?? 0) - 0.9)).toBeLessThan(TOLERANCE);
    expect(Math.abs((shares.c ?? 0) - 0.1)).toBeLessThan(TOLERANCE);
  });

  it("weighs a free endpoint as half the cheapest non-zero price (weight 4 vs 1)", () => {
    const shares = firstChoiceShares({ free: 0n, a: 2000n });
    expect(Math.abs((shares.free ?? 0) - 0.8)).toBeLessThan(TOLERANCE);
  });
});
