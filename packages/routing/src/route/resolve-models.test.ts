import { describe, expect, it } from "vitest";
import { makeCatalog, makeEndpoint, makeProvider } from "../testing/index.ts";
import { resolveModels, stripVariant } from "./resolve-models.ts";

const catalog = makeCatalog(
  [makeEndpoint("a/one", makeProvider("p")), makeEndpoint("b/two", makeProvider("p"))],
  ["c/no-endpoints"],
);

describe("resolveModels", () => {
  it("strips :floor and :nitro and maps them to price and throughput", () => {
    expect(stripVariant("a/one:floor")).toEqual({ id: "a/one", sort: "price" });
    expect(stripVariant("a/one:nitro")).toEqual({ id: "a/one", sort: "throughput" });
    expect(stripVariant("a/one:free")).toEqual({ id: "a/one:free" });
  });

  it("keeps request order, dedupes, and records unknown models", () => {
    const resolved = resolveModels(
      {
        model: "b/two:nitro",
        models: ["x/unknown", "a/one", "b/two", "c/no-endpoints"],
        usedParameters: [],
        estimatedPromptTokens: 0,
      },
      catalog,
    );
    expect(resolved).toEqual({
      requested: ["b/two", "x/unknown", "a/one", "c/no-endpoints"],
      known: ["b/two", "a/one", "c/no-endpoints"],
      unknown: ["x/unknown"],
      suffixSort: "throughput",
    });
  });
});
