import { describe, expect, it } from "vitest";
import { makeEndpoint, makeProvider } from "../../testing/index.ts";
import type { ProviderRequestPreferences } from "../../types.ts";
import { parseMaxPrice } from "./max-price.ts";
import { type RequestFilterContext, requestExclusion } from "./request-preferences.ts";

const ctx = (provider: ProviderRequestPreferences, usedParameters: string[] = []): RequestFilterContext => {
  const maxPrice = parseMaxPrice(provider.max_price);
  if (!maxPrice.ok) throw new Error(maxPrice.message);
  return { provider, maxPrice: maxPrice.value, usedParameters };
};

const endpoint = makeEndpoint("m/x", makeProvider("fireworks", { name: "Fireworks" }), {
  inputPriceNanos: 900n,
  outputPriceNanos: 900n,
  quantization: "fp8",
  supportedParameters: ["temperature", "tools"],
});

describe("requestExclusion", () => {
  it("keeps everything for an empty provider object", () => {
    expect(requestExclusion(endpoint, ctx({}))).toBeUndefined();
  });

  it("only: excludes providers not listed", () => {
    expect(requestExclusion(endpoint, ctx({ only: ["groq"] }))?.excludedBy).toBe("request_only");
    expect(requestExclusion(endpoint, ctx({ only: ["FIREWORKS"] }))).toBeUndefined();
  });

  it("ignore: excludes listed providers", () => {
    expect(requestExclusion(endpoint, ctx({ ignore: ["fireworks"] }))?.excludedBy).toBe("request_ignore");
  });

  it("data_collection deny: excludes providers that train on or retain prompts", () => {
    const trains = makeEndpoint("m/x", makeProvider("a", { trainsOnPrompts: true }));
    const retains = makeEndpoint("m/x", makeProvider("b", { retainsPrompts: true }));
    expect(requestExclusion(trains, ctx({ data_collection: "deny" }))?.excludedBy).toBe(
      "data_policy:training",
    );
    expect(requestExclusion(retains, ctx({ data_collection: "deny" }))?.excludedBy).toBe(
      "data_policy:retention",
    );
    expect(requestExclusion(endpoint, ctx({ data_collection: "deny" }))).toBeUndefined();
    expect(requestExclusion(trains, ctx({ data_collection: "allow" }))).toBeUndefined();
  });

  it("zdr: excludes non-ZDR providers", () => {
    const notZdr = makeEndpoint("m/x", makeProvider("a", { zdr: false }));
    expect(requestExclusion(notZdr, ctx({ zdr: true }))?.excludedBy).toBe("data_policy:zdr");
    expect(requestExclusion(notZdr, ctx({ zdr: false }))).toBeUndefined();
  });

  it("quantizations: excludes other quantizations", () => {
    expect(requestExclusion(endpoint, ctx({ quantizations: ["fp16", "bf16"] }))?.excludedBy).toBe(
      "quantization",
    );
    expect(requestExclusion(endpoint, ctx({ quantizations: ["FP8"] }))).toBeUndefined();
  });

  it("require_parameters: excludes endpoints missing any used parameter and names them", () => {
    const result = requestExclusion(
      endpoint,
      ctx({ require_parameters: true }, ["tools", "response_format", "logprobs"]),
    );
    expect(result?.excludedBy).toBe("require_parameters");
    expect(result?.details).toEqual(["response_format", "logprobs"]);
    expect(requestExclusion(endpoint, ctx({ require_parameters: true }, ["tools"]))).toBeUndefined();
    expect(requestExclusion(endpoint, ctx({}, ["logprobs"]))).toBeUndefined();
  });

  it("max_price: compares exactly at the boundary, for numbers and strings", () => {
    expect(requestExclusion(endpoint, ctx({ max_price: { prompt: 0.9 } }))).toBeUndefined();
    expect(
      requestExclusion(endpoint, ctx({ max_price: { prompt: "0.9", completion: "0.900" } })),
    ).toBeUndefined();
    const over = requestExclusion(endpoint, ctx({ max_price: { completion: "0.899" } }));
    expect(over).toEqual({
      excludedBy: "max_price",
      reason: "Fireworks charges $0.9/M for completion tokens, above max_price.completion $0.899/M",
    });
    expect(requestExclusion(endpoint, ctx({ max_price: { prompt: 0.8999 } }))?.excludedBy).toBe("max_price");
  });

  it("rejects an invalid max_price", () => {
    expect(parseMaxPrice({ prompt: -1 })).toMatchObject({ ok: false });
    expect(parseMaxPrice({ completion: "cheap" })).toMatchObject({ ok: false });
  });
});
