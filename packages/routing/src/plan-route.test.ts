import { describe, expect, it } from "vitest";
import { planRoute } from "./plan-route.ts";
import { makeCatalog, makeEndpoint, makeProvider, planInput } from "./testing/index.ts";
import { DEFAULT_DATA_POLICY, DEFAULT_PREFERENCES } from "./types.ts";

const LLAMA = "meta-llama/llama-3.3-70b-instruct";
const deepinfra = makeProvider("deepinfra", { name: "DeepInfra", retainsPrompts: true, zdr: false });
const chutes = makeProvider("chutes", {
  name: "Chutes",
  trainsOnPrompts: true,
  retainsPrompts: true,
  zdr: false,
});
const groq = makeProvider("groq", { name: "Groq" });
const together = makeProvider("together", { name: "Together", trainsOnPrompts: true });
const fireworks = makeProvider("fireworks", { name: "Fireworks" });

const catalog = makeCatalog(
  [
    makeEndpoint(LLAMA, deepinfra, { inputPriceNanos: 230n, outputPriceNanos: 400n }),
    makeEndpoint(LLAMA, chutes, { inputPriceNanos: 100n, outputPriceNanos: 100n }),
    makeEndpoint(LLAMA, together, { inputPriceNanos: 880n, outputPriceNanos: 880n }),
    makeEndpoint(LLAMA, groq, { inputPriceNanos: 590n, outputPriceNanos: 790n, supportedParameters: [] }),
    makeEndpoint(LLAMA, fireworks, { inputPriceNanos: 3000n, outputPriceNanos: 3000n }),
    makeEndpoint("openai/gpt-4o", makeProvider("openai", { name: "OpenAI" })),
  ],
  ["acme/retired"],
);

const providersOf = (plan: ReturnType<typeof planRoute>) => plan.attempts.map((e) => e.provider.id);

describe("planRoute: models", () => {
  it("answers model_not_found (400) naming the model when nothing requested exists", () => {
    const plan = planRoute(planInput(catalog, { model: "nope/missing", models: ["nope/other"] }));
    expect(plan.attempts).toEqual([]);
    expect(plan.error).toMatchObject({ code: "model_not_found", status: 400 });
    expect(plan.error?.message).toContain("nope/missing");
    expect(plan.trace.unknownModels).toEqual(["nope/missing", "nope/other"]);
  });

  it("skips unknown fallback models and records them", () => {
    const plan = planRoute(planInput(catalog, { model: "nope/missing", models: ["openai/gpt-4o"] }));
    expect(plan.error).toBeUndefined();
    expect(providersOf(plan)).toEqual(["openai"]);
    expect(plan.trace.requestedModels).toEqual(["nope/missing", "openai/gpt-4o"]);
    expect(plan.trace.unknownModels).toEqual(["nope/missing"]);
  });

  it("answers no_endpoints (404) for a model without endpoints", () => {
    const plan = planRoute(planInput(catalog, { model: "acme/retired" }));
    expect(plan.error).toMatchObject({ code: "no_endpoints", status: 404 });
  });

  it("answers invalid_request (400) for a negative max_price", () => {
    const plan = planRoute(planInput(catalog, { model: LLAMA, provider: { max_price: { prompt: -1 } } }));
    expect(plan.error).toMatchObject({ code: "invalid_request", status: 400 });
  });

  it("uses :floor as a price sort and strips it from the model id", () => {
    const plan = planRoute(planInput(catalog, { model: `${LLAMA}:floor` }));
    expect(plan.trace.strategy).toBe("price");
    expect(plan.trace.requestedModels).toEqual([LLAMA]);
    expect(providersOf(plan)).toEqual(["chutes", "deepinfra", "groq", "together", "fireworks"]);
  });
});

describe("planRoute: filters and errors", () => {
  it("records every excluded candidate with code and reason in the trace", () => {
    const plan = planRoute(
      planInput(
        catalog,
        { model: LLAMA },
        { policy: { ...DEFAULT_DATA_POLICY, denyRetention: true }, preferences: DEFAULT_PREFERENCES },
      ),
    );
    expect(providersOf(plan).sort()).toEqual(["fireworks", "groq", "together"]);
    const deepinfraRow = plan.trace.candidates.find((c) => c.providerId === "deepinfra");
    expect(deepinfraRow).toMatchObject({
      status: "excluded",
      excludedBy: "data_policy:retention",
      reason: "DeepInfra retains prompts; your organization's data policy denies retention",
      inputPriceNanos: "230",
    });
    expect(plan.trace.candidates.filter((c) => c.status === "kept").map((c) => c.rank)).toEqual([0, 1, 2]);
    expect(plan.trace.attempts).toEqual([]);
  });

  it("is privacy_restricted when only data policy excluded endpoints", () => {
    const plan = planRoute(
      planInput(
        catalog,
        { model: LLAMA },
        { policy: { ...DEFAULT_DATA_POLICY, zdrOnly: true, allowedRegions: ["eu"] } },
      ),
    );
    expect(plan.error).toMatchObject({ code: "privacy_restricted", status: 404 });
    expect(plan.error?.excludedBy).toEqual(["data_policy:zdr", "data_region"]);
  });

  it("is constraint_filtered with a message counting each filter", () => {
    const plan = planRoute(
      planInput(
        catalog,
        {
          model: LLAMA,
          usedParameters: ["tools"],
          provider: { require_parameters: true, max_price: { prompt: 0.2, completion: "1" } },
        },
        { policy: { ...DEFAULT_DATA_POLICY, denyTraining: true } },
      ),
    );
    expect(plan.error).toEqual({
      code: "constraint_filtered",
      status: 404,
      message: `No endpoints for ${LLAMA}: 2 excluded by data policy (training), 1 by require_parameters (tools), 2 by max_price`,
      excludedBy: ["data_policy:training", "require_parameters", "max_price"],
    });
    expect(plan.trace.candidates.every((c) => c.status === "excluded")).toBe(true);
  });

  it("never lets a request re-admit what the org policy excludes", () => {
    const plan = planRoute(
      planInput(
        catalog,
        {
          model: LLAMA,
          provider: { only: ["chutes", "together"], order: ["chutes"], data_collection: "allow", zdr: false },
        },
        { policy: { ...DEFAULT_DATA_POLICY, denyTraining: true } },
      ),
    );
    expect(plan.attempts).toEqual([]);
    const rows = plan.trace.candidates.filter(
      (c) => c.providerId === "chutes" || c.providerId === "together",
    );
    expect(rows.map((c) => c.excludedBy)).toEqual(["data_policy:training", "data_policy:training"]);
  });

  it("applies org ignored providers and allow list before the request", () => {
    const plan = planRoute(
      planInput(
        catalog,
        { model: LLAMA, provider: { only: ["groq", "fireworks"] } },
        {
          preferences: {
            ...DEFAULT_PREFERENCES,
            ignoredProviders: ["fireworks"],
            allowedProviders: ["groq", "fireworks", "deepinfra"],
          },
        },
      ),
    );
    expect(providersOf(plan)).toEqual(["groq"]);
    const reasons = Object.fromEntries(plan.trace.candidates.map((c) => [c.providerId, c.excludedBy]));
    expect(reasons).toMatchObject({
      fireworks: "org_ignored_provider",
      chutes: "org_allowed_providers",
      deepinfra: "request_only",
    });
  });

  it("treats tools as a soft filter without require_parameters", () => {
    const plan = planRoute(planInput(catalog, { model: LLAMA, usedParameters: ["tools"] }));
    expect(providersOf(plan)).not.toContain("groq");
    expect(plan.trace.candidates.find((c) => c.providerId === "groq")?.excludedBy).toBe("require_parameters");
    const onlyGroq = planRoute(
      planInput(catalog, { model: LLAMA, usedParameters: ["tools"], provider: { only: ["groq"] } }),
    );
    expect(providersOf(onlyGroq)).toEqual(["groq"]);
  });

  it("applies max_tokens and context length limits", () => {
    const small = makeCatalog([
      makeEndpoint("m/x", makeProvider("a"), { maxOutputTokens: 1000, contextLength: 8000 }),
      makeEndpoint("m/x", makeProvider("b"), { maxOutputTokens: 4000, contextLength: 4000 }),
      makeEndpoint("m/x", makeProvider("c"), { maxOutputTokens: 4000, contextLength: 100_000 }),
    ]);
    const plan = planRoute(planInput(small, { model: "m/x", maxTokens: 2000, estimatedPromptTokens: 3000 }));
    expect(providersOf(plan)).toEqual(["c"]);
    expect(plan.trace.candidates.map((c) => c.excludedBy)).toEqual([
      undefined,
      "max_tokens",
      "context_length",
    ]);
  });
});
