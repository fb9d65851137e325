import { describe, expect, it } from "vitest";
import { makeEndpoint, makeProvider, seededRandom } from "../../testing/index.ts";
import { priceWeights, weightedShuffle } from "./weighted-shuffle.ts";

const ep = (provider: string, total: bigint) =>
  makeEndpoint("m/x", makeProvider(provider), { inputPriceNanos: total, outputPriceNanos: 0n });

describe("priceWeights", () => {
  it("is 1/price² normalised to the cheapest endpoint", () => {
    expect(priceWeights([ep("a", 100n), ep("b", 200n), ep("c", 300n)])).toEqual([1, 0.25, 1 / 9]);
  });

  it("weighs free endpoints as half the cheapest price, and all-free equally", () => {
    expect(priceWeights([ep("a", 0n), ep("b", 100n)])).toEqual([4, 1]);
    expect(priceWeights([ep("a", 0n), ep("b", 0n)])).toEqual([4, 4]);
  });
});

describe("weightedShuffle", () => {
  it("returns every endpoint once, scored with its first-choice probability", () => {
    const endpoints = [ep("a", 100n), ep("b", 200n), ep("c", 300n)];
    const result = weightedShuffle(endpoints, seededRandom(7));
    expect(result.map((r) => r.endpoint.id).sort()).toEqual(endpoints.map((e) => e.id).sort());
    const total = 1 + 0.25 + 1 / 9;
    const scoreOf = (p: string) => result.find((r) => r.endpoint.provider.id === p)?.score;
    expect(scoreOf("a")).toBeCloseTo(1 / total, 10);
    expect(scoreOf("c")).toBeCloseTo(1 / 9 / total, 10);
  });

  it("takes the first endpoint when random() returns 0 and the last when it is just below 1", () => {
    const endpoints = [ep("a", 100n), ep("b", 200n)];
    expect(weightedShuffle(endpoints, () => 0)[0]?.endpoint.provider.id).toBe("a");
    expect(weightedShuffle(endpoints, () => 0.999_999)[0]?.endpoint.provider.id).toBe("b");
  });
});
