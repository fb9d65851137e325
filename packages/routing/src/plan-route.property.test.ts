import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planRoute } from "./plan-route.ts";
import { isDataPolicyReason } from "./route/no-endpoints-error.ts";
import {
  makeCatalog,
  makeEndpoint,
  makeProvider,
  planInput,
  seededRandom,
  TEST_NOW,
} from "./testing/index.ts";
import type {
  CatalogEndpoint,
  EndpointHealth,
  ExclusionReason,
  OrgDataPolicy,
  OrgProviderPreferences,
  PlanRouteInput,
  ProviderInfo,
  ProviderRequestPreferences,
  RoutingRequest,
} from "./types.ts";

const RUNS = { numRuns: 200 };
const SLUGS = ["alpha", "beta", "beta/turbo", "gamma", "delta", "openai", "openai/priority"];
const BASE_SLUGS = ["alpha", "beta", "beta/turbo", "gamma", "openai", "openai/priority", "nobody"];
const MODELS = ["m/one", "m/two", "m/three"];
const REGIONS = ["us", "eu", "asia"];
const QUANTS = ["fp8", "fp16", "int4"];
const PARAMS = ["tools", "response_format", "temperature", "logprobs"];

/** Mostly `usual`, sometimes a value from `arb`: keeps random scenarios from filtering everything out. */
const mostly = <T>(usual: T, arb: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constant(usual), weight: 3 }, { arbitrary: arb, weight: 1 });
const rarelyTrue = mostly(false, fc.constant(true));

const providerArb = (id: string): fc.Arbitrary<ProviderInfo> =>
  fc
    .record({
      trainsOnPrompts: rarelyTrue,
      retainsPrompts: fc.boolean(),
      zdr: mostly(true, fc.constant(false)),
      region: fc.constantFrom(...REGIONS),
    })
    .map((flags) => makeProvider(id, flags));

const endpointArb = (providers: ProviderInfo[]) =>
  fc
    .record({
      model: fc.constantFrom(...MODELS),
      provider: fc.constantFrom(...providers),
      input: fc.bigInt(0n, 5000n),
      output: fc.bigInt(0n, 5000n),
      contextLength: fc.constantFrom(8000, 32_000, 128_000),
      maxOutputTokens: fc.constantFrom(1000, 4000, 16_000),
      quantization: fc.constantFrom(...QUANTS),
      supportedParameters: mostly(PARAMS, fc.subarray(PARAMS)),
    })
    .map((e) =>
      makeEndpoint(e.model, e.provider, {
        inputPriceNanos: e.input,
        outputPriceNanos: e.output,
        contextLength: e.contextLength,
        maxOutputTokens: e.maxOutputTokens,
        quantization: e.quantization,
        supportedParameters: e.supportedParameters,
      }),
    );

const catalogArb = fc
  .tuple(...SLUGS.map(providerArb))
  .chain((providers) =>
    fc.uniqueArray(endpointArb(providers), { selector: (e) => e.id, minLength: 6, maxLength: 18 }),
  )
  .map((endpoints) => makeCatalog(endpoints));

const policyArb: fc.Arbitrary<OrgDataPolicy> = fc.record({
  denyTraining: rarelyTrue,
  denyRetention: rarelyTrue,
  zdrOnly: rarelyTrue,
  allowedRegions: mostly<string[]>([], fc.subarray(REGIONS, { minLength: 1 })),
  blockedProviders: mostly<string[]>([], fc.subarray(BASE_SLUGS, { maxLength: 2 })),
  blockedModels: mostly<string[]>([], fc.subarray(MODELS, { maxLength: 1 })),
});

const preferencesArb: fc.Arbitrary<OrgProviderPreferences> = fc.record({
  sort: fc.constantFrom("balanced", "price", "latency", "throughput"),
  order: fc.shuffledSubarray(BASE_SLUGS, { maxLength: 3 }),
  ignoredProviders: mostly<string[]>([], fc.subarray(BASE_SLUGS, { maxLength: 2 })),
  allowedProviders: mostly<string[]>([], fc.subarray(BASE_SLUGS, { minLength: 1 })),
  allowFallbacks: mostly(true, fc.constant(false)),
});

/** max_price values as whole thousandths of USD/M (= nanos per token), sent as a number or a string. */
const priceLimitArb = mostly(5000, fc.integer({ min: 0, max: 6000 })).chain((n) =>
  fc.constantFrom<number | string>(n / 1000, (n / 1000).toFixed(3), String(n / 1000)),
);

const providerPrefsArb: fc.Arbitrary<ProviderRequestPreferences> = fc.oneof(
  { arbitrary: fc.constant({}), weight: 1 },
  {
    arbitrary: fc.record(
      {
        order: fc.shuffledSubarray(BASE_SLUGS, { maxLength: 4 }),
        allow_fallbacks: mostly(true, fc.constant(false)),
        require_parameters: fc.boolean(),
        data_collection: mostly<"allow" | "deny">("allow", fc.constant("deny")),
        zdr: rarelyTrue,
        only: mostly<string[]>([], fc.subarray(BASE_SLUGS, { minLength: 1 })),
        ignore: fc.subarray(BASE_SLUGS, { maxLength: 2 }),
        quantizations: fc.subarray(QUANTS),
        sort: fc.oneof(
          fc.constantFrom("price" as const, "latency" as const, "throughput" as const),
          fc.record({
            by: fc.constantFrom("price" as const, "latency" as const, "throughput" as const),
            partition: fc.constantFrom("model" as const, "none" as const),
          }),
        ),
        max_price: fc.record({ prompt: priceLimitArb, completion: priceLimitArb }, { requiredKeys: [] }),
        preferred_max_latency: fc.integer({ min: 1, max: 5 }),
        preferred_min_throughput: fc.integer({ min: 10, max: 200 }),
      },
      { requiredKeys: [] },
    ),
    weight: 3,
  },
);

const requestArb = fc.record({
  model: fc.constantFrom(...MODELS, "m/unknown", "m/one:floor", "m/two:nitro"),
  models: fc.subarray(MODELS),
  provider: providerPrefsArb,
  usedParameters: fc.subarray(PARAMS),
  maxTokens: fc.option(mostly(500, fc.integer({ min: 1, max: 20_000 })), { nil: undefined }),
  estimatedPromptTokens: mostly(1000, fc.integer({ min: 0, max: 40_000 })),
});

const healthArb = fc.array(
  fc.record({
    circuit: fc.constantFrom("closed" as const, "open" as const, "half_open" as const),
    failedAgoMs: fc.option(fc.integer({ min: 0, max: 90_000 }), { nil: undefined }),
    latencyP50Ms: fc.option(fc.integer({ min: 50, max: 8000 }), { nil: undefined }),
    throughputTps: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 8 },
);

const scenarioArb = fc.record({
  catalog: catalogArb,
  policy: policyArb,
  preferences: preferencesArb,
  request: requestArb,
  health: healthArb,
  seed: fc.integer(),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(s: Scenario, request: Partial<RoutingRequest> = {}): PlanRouteInput {
  const health = (endpointId: string): EndpointHealth | undefined => {
    const index = [...endpointId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 0) % s.health.length;
    const h = s.health[index];
    if (!h) return undefined;
    return {
      circuit: h.circuit,
      errorRate: 0,
      samples: 10,
      ...(h.failedAgoMs === undefined ? {} : { lastFailureAt: TEST_NOW - h.failedAgoMs }),
      ...(h.latencyP50Ms === undefined ? {} : { latencyP50Ms: h.latencyP50Ms }),
      ...(h.throughputTps === undefined ? {} : { throughputTps: h.throughputTps }),
    };
  };
  return planInput(
    s.catalog,
    { ...s.request, ...request },
    { policy: s.policy, preferences: s.preferences, health, random: seededRandom(s.seed) },
  );
}

// --- an independent oracle of the rules, written plainly ---

const matches = (providerId: string, slugs: readonly string[] = []) =>
  slugs.some(
    (s) => providerId === s || (providerId.startsWith(`${s}/`) && !providerId.endsWith("/priority")),
  );

function violatesOrg(e: CatalogEndpoint, policy: OrgDataPolicy, prefs: OrgProviderPreferences): boolean {
  const p = e.provider;
  return (
    policy.blockedModels.includes(e.modelId) ||
    matches(p.id, policy.blockedProviders) ||
    (policy.denyTraining && p.trainsOnPrompts) ||
    (policy.denyRetention && p.retainsPrompts) ||
    (policy.zdrOnly && !p.zdr) ||
    (policy.allowedRegions.length > 0 && !policy.allowedRegions.includes(p.region)) ||
    matches(p.id, prefs.ignoredProviders) ||
    (prefs.allowedProviders.length > 0 && !matches(p.id, prefs.allowedProviders))
  );
}

const limitNanos = (v: number | string | undefined) =>
  v === undefined ? undefined : BigInt(Math.round(Number(v) * 1000));

function violatesRequest(e: CatalogEndpoint, r: Scenario["request"]): boolean {
  const pr = r.provider;
  const p = e.provider;
  const prompt = limitNanos(pr.max_price?.prompt);
  const completion = limitNanos(pr.max_price?.completion);
  return (
    (pr.only !== undefined && pr.only.length > 0 && !matches(p.id, pr.only)) ||
    matches(p.id, pr.ignore) ||
    (pr.data_collection === "deny" && (p.trainsOnPrompts || p.retainsPrompts)) ||
    (pr.zdr === true && !p.zdr) ||
    (pr.quantizations !== undefined &&
      pr.quantizations.length > 0 &&
      !pr.quantizations.includes(e.quantization)) ||
    (pr.require_parameters === true && r.usedParameters.some((u) => !e.supportedParameters.includes(u))) ||
    (prompt !== undefined && e.inputPriceNanos > prompt) ||
    (completion !== undefined && e.outputPriceNanos > completion) ||
    (r.maxTokens !== undefined && r.maxTokens > e.maxOutputTokens) ||
    r.estimatedPromptTokens + (r.maxTokens ?? 0) > e.contextLength
  );
}

const ORG_REASONS = new Set<ExclusionReason>([
  "model_blocked",
  "provider_blocked",
  "data_policy:training",
  "data_policy:retention",
  "data_policy:zdr",
  "data_region",
  "org_ignored_provider",
  "org_allowed_providers",
]);

describe("planRoute properties (random catalogs, policies, preferences, requests)", () => {
  it("never chooses an endpoint that violates the org policy or the request's filters", () => {
    let routed = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const plan = planRoute(inputOf(s));
        if (plan.attempts.length > 0) routed += 1;
        for (const endpoint of plan.attempts) {
          expect(violatesOrg(endpoint, s.policy, s.preferences)).toBe(false);
          expect(violatesRequest(endpoint, s.request)).toBe(false);
        }
        expect(plan.attempts.length === 0).toBe(plan.error !== undefined);
        if (plan.error?.code === "privacy_restricted") {
          expect(plan.error.excludedBy.every(isDataPolicyReason)).toBe(true);
        }
      }),
      RUNS,
    );
    // Guard against a vacuous property: enough scenarios must actually route somewhere.
    expect(routed).toBeGreaterThan(RUNS.numRuns * 0.25);
  });

  it("never exceeds max_price, and excludes by max_price only what really exceeds it (exact boundary)", () => {
    // Limits sit on, just below or just above real catalog prices, so the boundary is exercised.
    const limitArb = fc.record({ index: fc.nat(), delta: fc.integer({ min: -1, max: 1 }) });
    fc.assert(
      fc.property(scenarioArb, limitArb, limitArb, fc.boolean(), (s, p, c, asString) => {
        const endpoints = [...s.catalog.endpointsByModel.values()].flat();
        const pick = (l: { index: number; delta: number }, key: "inputPriceNanos" | "outputPriceNanos") => {
          const price = endpoints[l.index % endpoints.length]?.[key] ?? 0n;
          const limit = price + BigInt(l.delta);
          return limit < 0n ? 0n : limit;
        };
        const prompt = pick(p, "inputPriceNanos");
        const completion = pick(c, "outputPriceNanos");
        // nanos per token = USD/M * 1000, so the limit in USD/M is nanos / 1000 (exact in decimal).
        const usd = (n: bigint) => (asString ? (Number(n) / 1000).toFixed(3) : Number(n) / 1000);
        const provider = {
          ...s.request.provider,
          max_price: { prompt: usd(prompt), completion: usd(completion) },
        };
        const plan = planRoute(inputOf(s, { provider }));
        for (const endpoint of plan.attempts) {
          expect(endpoint.inputPriceNanos <= prompt).toBe(true);
          expect(endpoint.outputPriceNanos <= completion).toBe(true);
        }
        for (const row of plan.trace.candidates.filter((r) => r.excludedBy === "max_price")) {
          expect(BigInt(row.inputPriceNanos) > prompt || BigInt(row.outputPriceNanos) > completion).toBe(
            true,
          );
        }
      }),
      RUNS,
    );
  });

  it("respects an explicit order: kept ordered providers come first, in order", () => {
    let routedWithOrder = 0;
    fc.assert(
      fc.property(scenarioArb, fc.shuffledSubarray(BASE_SLUGS, { minLength: 1 }), (s, order) => {
        const provider = { ...s.request.provider, order };
        const plan = planRoute(inputOf(s, { provider }));
        if (plan.attempts.length > 1) routedWithOrder += 1;
        const combined = [...order, ...s.preferences.order];
        const rank = (e: CatalogEndpoint) => combined.findIndex((slug) => matches(e.provider.id, [slug]));
        const partitionNone = typeof provider.sort === "object" && provider.sort.partition === "none";
        const groups = partitionNone
          ? [plan.attempts]
          : [...new Set(plan.attempts.map((e) => e.modelId))].map((m) =>
              plan.attempts.filter((e) => e.modelId === m),
            );
        for (const group of groups) {
          const ranks = group.map(rank);
          const firstUnordered = ranks.indexOf(-1);
          const orderedPart = firstUnordered === -1 ? ranks : ranks.slice(0, firstUnordered);
          if (firstUnordered !== -1) expect(ranks.slice(firstUnordered).every((r) => r === -1)).toBe(true);
          expect(orderedPart).toEqual([...orderedPart].sort((a, b) => a - b));
        }
      }),
      RUNS,
    );
    expect(routedWithOrder).toBeGreaterThan(RUNS.numRuns * 0.15);
  });

  it("a request can never loosen the org policy", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const baseline = planRoute(inputOf(s, { provider: {} }));
        const narrowed = planRoute(inputOf(s));
        const orgExcluded = new Map(
          baseline.trace.candidates
            .filter((c) => c.excludedBy !== undefined && ORG_REASONS.has(c.excludedBy))
            .map((c) => [c.endpointId, c.excludedBy]),
        );
        for (const candidate of narrowed.trace.candidates) {
          if (orgExcluded.has(candidate.endpointId)) {
            expect(candidate.status).toBe("excluded");
            expect(candidate.excludedBy).toBe(orgExcluded.get(candidate.endpointId));
          }
        }
        for (const endpoint of narrowed.attempts) expect(orgExcluded.has(endpoint.id)).toBe(false);
      }),
      RUNS,
    );
  });
});
