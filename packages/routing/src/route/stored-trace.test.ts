import { describe, expect, it } from "vitest";
import { planRoute } from "../plan-route.ts";
import { makeCatalog, makeEndpoint, makeProvider, planInput } from "../testing/index.ts";
import type { RouteTrace } from "../types.ts";
import { endpointNamesIn, readRouteTrace, storedTraceEndpointIds, storeRouteTrace } from "./stored-trace.ts";

const LLAMA = "meta-llama/llama-3.3-70b-instruct";
const catalog = makeCatalog([
  makeEndpoint(LLAMA, makeProvider("deepinfra", { name: "DeepInfra" }), { inputPriceNanos: 230n }),
  makeEndpoint(LLAMA, makeProvider("groq", { name: "Groq" }), { supportedParameters: [] }),
  makeEndpoint(LLAMA, makeProvider("together", { name: "Together", trainsOnPrompts: true })),
  makeEndpoint(LLAMA, makeProvider("fireworks", { name: "Fireworks" }), { inputPriceNanos: 3000n }),
]);
const lookup = endpointNamesIn(catalog);

/** A trace with every kind of row: ranked, excluded with a reason, and a failed and a good attempt. */
function tracedRequest(): RouteTrace {
  const plan = planRoute(
    planInput(catalog, {
      model: LLAMA,
      models: ["nope/unknown"],
      usedParameters: ["tools"],
      provider: { ignore: ["together"] },
    }),
  );
  const [first, second] = plan.attempts;
  if (!first || !second) throw new Error("expected two attempts");
  plan.trace.attempts.push(
    {
      endpointId: first.id,
      providerId: first.provider.id,
      modelId: first.modelId,
      status: "error",
      httpStatus: 503,
      errorCode: "upstream_unavailable",
      retryable: true,
      latencyMs: 12,
    },
    {
      endpointId: second.id,
      providerId: second.provider.id,
      modelId: second.modelId,
      status: "success",
      httpStatus: 200,
      latencyMs: 40,
    },
  );
  return plan.trace;
}

describe("stored route traces", () => {
  it("read back as the trace that was stored, through a JSON round trip", () => {
    const trace = tracedRequest();
    expect(trace.candidates.some((c) => c.status === "excluded" && c.reason)).toBe(true);
    expect(trace.unknownModels).toEqual(["nope/unknown"]);
    const stored = JSON.parse(JSON.stringify(storeRouteTrace(trace)));
    expect(readRouteTrace(stored, lookup)).toEqual(trace);
  });

  it("take about half the bytes of the trace", () => {
    const trace = tracedRequest();
    const full = JSON.stringify(trace).length;
    const stored = JSON.stringify(storeRouteTrace(trace)).length;
    expect(stored).toBeLessThan(full * 0.6);
  });

  it("name the endpoints to look up", () => {
    const trace = tracedRequest();
    expect(storedTraceEndpointIds(storeRouteTrace(trace)).sort()).toEqual(
      [...new Set(trace.candidates.map((c) => c.endpointId))].sort(),
    );
    expect(storedTraceEndpointIds(trace)).toEqual([]);
    expect(storedTraceEndpointIds({ v: 2, candidates: "x", attempts: [null, ["ep_a"]] })).toEqual(["ep_a"]);
  });

  it("keep an endpoint's id in place of names the catalog no longer has", () => {
    const trace = readRouteTrace(storeRouteTrace(tracedRequest()), () => undefined);
    const [candidate] = trace?.candidates ?? [];
    expect(candidate?.providerName).toBe(candidate?.endpointId);
    expect(candidate?.inputPriceNanos).toMatch(/^\d+$/);
  });

  it("read rows from before the stored format as they are, and refuse what is not a trace", () => {
    const trace = tracedRequest();
    expect(readRouteTrace(JSON.parse(JSON.stringify(trace)), () => undefined)).toEqual(trace);
    expect(readRouteTrace({ candidates: [] }, lookup)).toBeNull();
    expect(readRouteTrace({ v: 2, candidates: "x", attempts: [] }, lookup)).toBeNull();
    expect(readRouteTrace({ v: 2, candidates: [{ endpointId: "ep_a" }], attempts: [] }, lookup)).toBeNull();
    expect(readRouteTrace("trace", lookup)).toBeNull();
    expect(readRouteTrace(null, lookup)).toBeNull();
  });
});
