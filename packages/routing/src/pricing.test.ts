import { describe, expect, it } from "vitest";
import { actualCostNanos, affordableOutputTokens, maxCostNanos, parseUsdPerMillion } from "./pricing.ts";
import { makeEndpoint, makeProvider } from "./testing/index.ts";

const endpoint = makeEndpoint("m/a", makeProvider("p"), {
  inputPriceNanos: 2500n,
  outputPriceNanos: 10_000n,
  cacheReadPriceNanos: 1250n,
  maxOutputTokens: 4096,
});

describe("parseUsdPerMillion", () => {
  it("converts USD per million tokens to nanos per token exactly", () => {
    expect(parseUsdPerMillion("0.5")).toBe(500n);
    expect(parseUsdPerMillion(1.25)).toBe(1250n);
    expect(parseUsdPerMillion("15")).toBe(15_000n);
    expect(parseUsdPerMillion(0)).toBe(0n);
    expect(parseUsdPerMillion("0.1")).toBe(100n);
    expect(parseUsdPerMillion(0.1)).toBe(100n);
    expect(parseUsdPerMillion("2.")).toBe(2000n);
    expect(parseUsdPerMillion(".75")).toBe(750n);
    expect(parseUsdPerMillion("1e2")).toBe(100_000n);
    expect(parseUsdPerMillion("123456789.123")).toBe(123_456_789_123n);
  });

  it("floors sub-nano fractions, which is exact for comparisons with whole-nano prices", () => {
    expect(parseUsdPerMillion("0.0015")).toBe(1n);
    expect(parseUsdPerMillion(1e-7)).toBe(0n);
  });

  it("rejects negatives, NaN, Infinity and non-numbers", () => {
    for (const bad of [-1, "-0.5", Number.NaN, Number.POSITIVE_INFINITY, "abc", "", ".", "1.2.3", "0x10"]) {
      expect(() => parseUsdPerMillion(bad)).toThrow(RangeError);
    }
  });
});

describe("costs", () => {
  it("maxCostNanos charges every prompt token and max output tokens", () => {
    expect(maxCostNanos(endpoint, 1000, 500)).toBe(1000n * 2500n + 500n * 10_000n);
  });

  it("maxCostNanos defaults to the endpoint's output limit", () => {
    expect(maxCostNanos(endpoint, 10)).toBe(10n * 2500n + 4096n * 10_000n);
  });

  it("actualCostNanos bills cached prompt tokens at the cache-read price", () => {
    const cost = actualCostNanos(endpoint, { promptTokens: 1000, completionTokens: 200, cachedTokens: 600 });
    expect(cost).toBe(400n * 2500n + 600n * 1250n + 200n * 10_000n);
  });

  it("actualCostNanos bills cached tokens at the input price without a cache-read price", () => {
    const noCache = { ...endpoint, cacheReadPriceNanos: null };
    expect(actualCostNanos(noCache, { promptTokens: 1000, completionTokens: 0, cachedTokens: 600 })).toBe(
      1000n * 2500n,
    );
  });

  it("rejects fractional or negative token counts", () => {
    expect(() => maxCostNanos(endpoint, 1.5, 1)).toThrow(RangeError);
    expect(() => actualCostNanos(endpoint, { promptTokens: -1, completionTokens: 0 })).toThrow(RangeError);
  });
});

describe("affordableOutputTokens", () => {
  it("is what remains after the prompt divided by the output price, floored", () => {
    expect(affordableOutputTokens(endpoint, 1000, 2_500_000n + 25_001n * 10n)).toBe(25);
  });

  it("is capped at the endpoint's output limit", () => {
    expect(affordableOutputTokens(endpoint, 0, 10n ** 15n)).toBe(4096);
  });

  it("is 0 when the prompt alone is unaffordable", () => {
    expect(affordableOutputTokens(endpoint, 1000, 1000n)).toBe(0);
  });

  it("is the output limit when output is free", () => {
    expect(affordableOutputTokens({ ...endpoint, outputPriceNanos: 0n }, 0, 0n)).toBe(4096);
  });

  it("never affords more than the balance covers", () => {
    const tokens = affordableOutputTokens(endpoint, 123, 7_654_321n);
    expect(maxCostNanos(endpoint, 123, tokens) <= 7_654_321n).toBe(true);
    expect(maxCostNanos(endpoint, 123, tokens + 1) > 7_654_321n).toBe(true);
  });
});
