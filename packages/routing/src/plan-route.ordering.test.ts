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
import { DEFAULT_PREFERENCES, type EndpointHealth, type HealthLookup } from "./types.ts";

const M = "m/main";
const F = "m/fallback";
const ep = (model: string, provider: string, price: bigint) =>
  makeEndpoint(model, makeProvider(provider), { inputPriceNanos: price, outputPriceNanos: price });

// totals: a=200 b=400 c=600 d=800
const catalog = makeCatalog([
  ep(M, "a", 100n),
  ep(M, "b", 200n),
  ep(M, "c", 300n),
  ep(M, "d", 400n),
  ep(F, "a", 10n),
  ep(F, "e", 1n),
]);
const id = (model: string, provider: string) => `ep_${provider}__${model.replace("/", "__")}`;
const providersOf = (plan: ReturnType<typeof planRoute>) => plan.attempts.map((e) => e.provider.id);
const healthMap =
  (entries: Record<string, Partial<EndpointHealth>>): HealthLookup =>
  (endpointId) => {
    const h = entries[endpointId];
    return h ? { circuit: "closed", errorRate: 0, samples: 10, ...h } : undefined;
  };

describe("planRoute: explicit order", () => {
  it("puts request provider.order first, in order, then the rest", () => {
    const plan = planRoute(planInput(catalog, { model: M, provider: { order: ["c", "a"], sort: "price" } }));
    expect(providersOf(plan)).toEqual(["c", "a", "b", "d"]);
    expect(plan.trace.strategy).toBe("order");
    expect(plan.trace.candidates[0]?.notes).toContain("order");
  });

  it("puts org preferences.order after the request's order", () => {
    const plan = planRoute(
      planInput(
        catalog,
        { model: M, provider: { order: ["d"], sort: "price" } },
        { preferences: { ...DEFAULT_PREFERENCES, order: ["c", "d"] } },
      ),
    );
    expect(providersOf(plan)).toEqual(["d", "c", "a", "b"]);
  });

  it("keeps only the ordered providers when fallbacks are disabled", () => {
    const plan = planRoute(
      planInput(catalog, { model: M, provider: { order: ["c", "b"], allow_fallbacks: false } }),
    );
    expect(providersOf(plan)).toEqual(["c", "b"]);
    expect(plan.trace.allowFallbacks).toBe(false);
    const excluded = plan.trace.candidates.filter((c) => c.status === "excluded").map((c) => c.excludedBy);
    expect(excluded).toEqual(["request_order_only", "request_order_only"]);
  });

  it("keeps only the org's ordered providers when the org disables fallbacks", () => {
    const plan = planRoute(
      planInput(
        catalog,
        { model: M },
        { preferences: { ...DEFAULT_PREFERENCES, order: ["b"], allowFallbacks: false } },
      ),
    );
    expect(providersOf(plan)).toEqual(["b"]);
    expect(plan.trace.candidates.filter((c) => c.excludedBy === "org_order_only")).toHaveLength(3);
  });
});

describe("planRoute: fallbacks disabled without order", () => {
  it("tries only the first endpoint and notes the others", () => {
    const plan = planRoute(
      planInput(catalog, { model: M, provider: { allow_fallbacks: false, sort: "price" } }),
    );
    expect(providersOf(plan)).toEqual(["a"]);
    const notAttempted = plan.trace.candidates.filter((c) => c.notes?.includes("fallbacks_disabled"));
    expect(notAttempted.map((c) => c.providerId)).toEqual(["b", "c", "d"]);
    expect(notAttempted.every((c) => c.rank === undefined)).toBe(true);
  });

  it("keeps model fallbacks: one endpoint per requested model", () => {
    const plan = planRoute(
      planInput(
        catalog,
        { model: M, models: [F], provider: { sort: "price" } },
        {
          preferences: { ...DEFAULT_PREFERENCES, allowFallbacks: false },
        },
      ),
    );
    expect(plan.attempts.map((e) => e.id)).toEqual([id(M, "a"), id(F, "e")]);
  });
});

describe("planRoute: sort strategies", () => {
  const health = healthMap({
    [id(M, "a")]: { latencyP50Ms: 900, throughputTps: 40 },
    [id(M, "b")]: { latencyP50Ms: 200, throughputTps: 120 },
    [id(M, "c")]: { latencyP50Ms: 500 },
  });

  it("sort=latency orders by observed p50 ascending, unknown last", () => {
    const plan = planRoute(planInput(catalog, { model: M, provider: { sort: "latency" } }, { health }));
    expect(providersOf(plan)).toEqual(["b", "c", "a", "d"]);
    expect(plan.trace.candidates[0]?.score).toBe(200);
  });

  it(":nitro sorts by throughput descending, unknown last (ties by price)", () => {
    const plan = planRoute(planInput(catalog, { model: `${M}:nitro` }, { health }));
    expect(plan.trace.strategy).toBe("throughput");
    expect(providersOf(plan)).toEqual(["b", "a", "c", "d"]);
  });

  it("uses the org's sort when the request has none, and the request's sort over it", () => {
    const input = { preferences: { ...DEFAULT_PREFERENCES, sort: "latency" as const }, health };
    expect(providersOf(planRoute(planInput(catalog, { model: M }, input)))).toEqual(["b", "c", "a", "d"]);
    expect(
      providersOf(planRoute(planInput(catalog, { model: M, provider: { sort: "price" } }, input))),
    ).toEqual(["a", "b", "c", "d"]);
  });

  it("partitions by model by default and sorts across models with partition none", () => {
    const byModel = planRoute(planInput(catalog, { model: M, models: [F], provider: { sort: "price" } }));
    expect(byModel.attempts.map((e) => e.id)).toEqual([
      id(M, "a"),
      id(M, "b"),
      id(M, "c"),
      id(M, "d"),
      id(F, "e"),
      id(F, "a"),
    ]);
    const together = planRoute(
      planInput(catalog, { model: M, models: [F], provider: { sort: { by: "price", partition: "none" } } }),
    );
    expect(together.attempts.map((e) => e.id).slice(0, 3)).toEqual([id(F, "e"), id(F, "a"), id(M, "a")]);
  });

  it("balanced load balancing also partitions by model", () => {
    for (let seed = 0; seed < 20; seed++) {
      const plan = planRoute(planInput(catalog, { model: M, models: [F] }, { random: seededRandom(seed) }));
      expect(plan.attempts.map((e) => e.modelId)).toEqual([M, M, M, M, F, F]);
    }
  });
});

describe("planRoute: health", () => {
  it("puts open circuits at the very end even under sort=price, noted circuit_open", () => {
    const health = healthMap({ [id(M, "a")]: { circuit: "open", lastFailureAt: TEST_NOW - 1000 } });
    const plan = planRoute(planInput(catalog, { model: M, provider: { sort: "price" } }, { health }));
    expect(providersOf(plan)).toEqual(["b", "c", "d", "a"]);
    expect(plan.trace.candidates[3]?.notes).toContain("circuit_open");
  });

  it("balanced: recent failures go after healthy endpoints, then open circuits", () => {
    const health = healthMap({
      [id(M, "a")]: { circuit: "open", lastFailureAt: TEST_NOW - 1000 },
      [id(M, "b")]: { lastFailureAt: TEST_NOW - 29_000 },
      [id(M, "c")]: { lastFailureAt: TEST_NOW - 31_000 },
    });
    for (let seed = 0; seed < 20; seed++) {
      const plan = planRoute(planInput(catalog, { model: M }, { health, random: seededRandom(seed) }));
      expect(providersOf(plan).slice(2)).toEqual(["b", "a"]);
      expect(plan.trace.candidates[2]?.notes).toContain("recent_failure");
    }
  });

  it("balanced: a half-open circuit without a recent failure stays eligible as a probe", () => {
    const health = healthMap({ [id(M, "a")]: { circuit: "half_open", lastFailureAt: TEST_NOW - 60_000 } });
    const seen = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const plan = planRoute(planInput(catalog, { model: M }, { health, random: seededRandom(seed) }));
      seen.add(providersOf(plan)[0] ?? "");
    }
    expect(seen.has("a")).toBe(true);
  });

  it("moves endpoints that miss preferred_max_latency or preferred_min_throughput to the back", () => {
    const health = healthMap({
      [id(M, "a")]: { latencyP50Ms: 3000, throughputTps: 100 },
      [id(M, "b")]: { latencyP50Ms: 500, throughputTps: 10 },
      [id(M, "c")]: { latencyP50Ms: 500, throughputTps: 100 },
    });
    const slow = planRoute(
      planInput(catalog, { model: M, provider: { sort: "price", preferred_max_latency: 1 } }, { health }),
    );
    expect(providersOf(slow)).toEqual(["b", "c", "d", "a"]);
    expect(slow.trace.candidates[3]?.notes).toContain("latency_preference");
    const thin = planRoute(
      planInput(
        catalog,
        { model: M, provider: { sort: "price", preferred_min_throughput: { p50: 50 } } },
        { health },
      ),
    );
    expect(providersOf(thin)).toEqual(["a", "c", "d", "b"]);
  });
});

describe("planRoute: sticky routing", () => {
  it("puts a healthy sticky endpoint first under default load balancing", () => {
    const plan = planRoute(planInput(catalog, { model: M }, { stickyEndpointId: id(M, "d") }));
    expect(providersOf(plan)[0]).toBe("d");
    expect(plan.trace.candidates.find((c) => c.endpointId === id(M, "d"))?.notes).toContain("sticky");
  });

  it("ignores the sticky endpoint when the request asks for a sort", () => {
    const plan = planRoute(
      planInput(catalog, { model: M, provider: { sort: "price" } }, { stickyEndpointId: id(M, "d") }),
    );
    expect(providersOf(plan)).toEqual(["a", "b", "c", "d"]);
  });

  it("ignores the sticky endpoint after a recent failure or with an explicit order", () => {
    const health = healthMap({ [id(M, "d")]: { lastFailureAt: TEST_NOW - 5000 } });
    const failed = planRoute(planInput(catalog, { model: M }, { stickyEndpointId: id(M, "d"), health }));
    expect(providersOf(failed)[0]).not.toBe("d");
    const ordered = planRoute(
      planInput(
        catalog,
        { model: M, provider: { order: ["b"], sort: "price" } },
        { stickyEndpointId: id(M, "d") },
      ),
    );
    expect(providersOf(ordered)).toEqual(["b", "a", "c", "d"]);
  });
});

describe("planRoute: recovery probes", () => {
  it("lets a half-open endpoint compete again despite its recent failure", () => {
    const recentFailure = TEST_NOW - 5000;
    const demoted = planRoute(
      planInput(
        catalog,
        { model: M },
        { health: healthMap({ [id(M, "a")]: { lastFailureAt: recentFailure } }) },
      ),
    );
    expect(providersOf(demoted).at(-1)).toBe("a");
    const probing = planRoute(
      planInput(
        catalog,
        { model: M },
        { health: healthMap({ [id(M, "a")]: { lastFailureAt: recentFailure, circuit: "half_open" } }) },
      ),
    );
    expect(probing.trace.candidates.find((c) => c.endpointId === id(M, "a"))?.notes ?? []).not.toContain(
      "recent_failure",
    );
  });
});
