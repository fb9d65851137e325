import { describe, expect, it } from "vitest";
import { planRoute } from "../plan-route.ts";
import { makeCatalog, makeEndpoint, makeProvider, planInput, seededRandom } from "../testing/index.ts";
import type { HealthEvent } from "./events.ts";
import { HealthModel } from "./health-model.ts";

/** A settable clock; starts on a 10 s bucket boundary. */
function clock(start = 1_700_000_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

const ok = { latencyMs: 100, outputTokens: 100, generationMs: 1000 };
const boom = { status: 502, code: "upstream_error" };

describe("HealthModel", () => {
  it("knows nothing about an endpoint it never saw", () => {
    const model = new HealthModel({ now: clock().now });
    expect(model.get("ep_x")).toBeUndefined();
    expect(model.uptime("ep_x", 60_000)).toBeUndefined();
    expect(model.circuit("ep_x")).toBe("closed");
    expect(model.allowRequest("ep_x")).toBe(true);
  });

  it("opens the circuit after 3 failures, half-opens after the cool-down and closes after a good probe", () => {
    const c = clock();
    const model = new HealthModel({ now: c.now });
    for (let i = 0; i < 3; i++) model.recordFailure("ep_a", boom);
    expect(model.get("ep_a")).toMatchObject({
      circuit: "open",
      lastFailureAt: c.now(),
      errorRate: 1,
      samples: 3,
    });
    expect(model.allowRequest("ep_a")).toBe(false);
    c.advance(model.config.cooldownMs);
    expect(model.get("ep_a")?.circuit).toBe("half_open");
    expect(model.allowRequest("ep_a")).toBe(true);
    expect(model.allowRequest("ep_a")).toBe(false);
    model.recordSuccess("ep_a", ok);
    expect(model.get("ep_a")?.circuit).toBe("closed");
    expect(model.allowRequest("ep_a")).toBe(true);
  });

  it("honours a configured threshold and cool-down", () => {
    const c = clock();
    const model = new HealthModel({ now: c.now, config: { failureThreshold: 1, cooldownMs: 100 } });
    model.recordFailure("ep_a", boom);
    expect(model.circuit("ep_a")).toBe("open");
    c.advance(100);
    expect(model.circuit("ep_a")).toBe("half_open");
  });

  it("does not count 400 and 413 user errors", () => {
    const model = new HealthModel({ now: clock().now });
    for (let i = 0; i < 5; i++) {
      expect(model.recordFailure("ep_a", { status: 400, code: "bad_request" })).toBeUndefined();
      model.recordFailure("ep_a", { status: 413, code: "too_large" });
    }
    expect(model.get("ep_a")).toBeUndefined();
  });

  it("computes latency and TTFT percentiles and throughput over the window", () => {
    const c = clock();
    const model = new HealthModel({ now: c.now });
    for (let i = 1; i <= 100; i++) {
      model.recordSuccess("ep_a", { latencyMs: i * 10, ttftMs: i, outputTokens: i * 2, generationMs: 1000 });
      c.advance(100);
    }
    const health = model.get("ep_a");
    expect(health).toMatchObject({ latencyP50Ms: 500, latencyP90Ms: 900, ttftP50Ms: 50, throughputTps: 100 });
    expect(health?.errorRate).toBe(0);
    expect(model.percentile("ep_a", "ttft", 99)).toBe(99);
  });

  it("computes uptime over the asked window (up to the 30 min retention), at bucket granularity", () => {
    const c = clock();
    const start = c.now();
    const model = new HealthModel({ now: c.now });
    // Minute 0: 1 success, 3 failures. Minute 4: 4 successes. Minute 12: 2 successes.
    model.recordSuccess("ep_a", ok);
    for (let i = 0; i < 3; i++) model.recordFailure("ep_a", boom);
    c.set(start + 240_000);
    for (let i = 0; i < 4; i++) model.recordSuccess("ep_a", ok);
    expect(model.uptime("ep_a", 60_000)).toBe(1);
    expect(model.uptime("ep_a", 300_000)).toBe(5 / 8);
    expect(model.get("ep_a")?.errorRate).toBe(3 / 8);
    c.set(start + 720_000);
    model.recordSuccess("ep_a", { ...ok, latencyMs: 42 });
    model.recordSuccess("ep_a", { ...ok, latencyMs: 42 });
    expect(model.uptime("ep_a", 5 * 60_000)).toBe(1);
    expect(model.uptime("ep_a", 30 * 60_000)).toBe(7 / 10);
    // get() stays on the 5-minute window: only the recent samples count.
    expect(model.get("ep_a")).toMatchObject({ samples: 2, errorRate: 0, latencyP50Ms: 42 });
    c.set(start + 31 * 60_000);
    expect(model.uptime("ep_a", 30 * 60_000)).toBe(1);
    c.set(start + 43 * 60_000);
    expect(model.uptime("ep_a", 30 * 60_000)).toBeUndefined();
  });

  it("forgets samples older than the window", () => {
    const c = clock();
    const model = new HealthModel({ now: c.now });
    model.recordFailure("ep_a", boom);
    c.advance(model.config.windowMs + model.config.bucketMs);
    expect(model.get("ep_a")).toMatchObject({ samples: 0, errorRate: 0 });
    expect(model.uptime("ep_a")).toBeUndefined();
  });

  it("shares state across replicas through serialisable events", () => {
    const c = clock();
    const a = new HealthModel({ now: c.now });
    const b = new HealthModel({ now: c.now });
    for (let i = 0; i < 3; i++) a.recordFailure("ep_x", boom);
    a.recordSuccess("ep_y", { ...ok, ttftMs: 40 });
    const wire = JSON.stringify(a.drainEvents());
    expect(a.drainEvents()).toEqual([]);
    b.mergeEvents(JSON.parse(wire) as HealthEvent[]);
    expect(b.get("ep_x")).toEqual(a.get("ep_x"));
    expect(b.get("ep_y")).toEqual(a.get("ep_y"));
    expect(b.drainEvents()).toEqual([]);
  });

  it("plugs into planRoute: a failing endpoint is not chosen first", () => {
    const c = clock();
    const model = new HealthModel({ now: c.now });
    const catalog = makeCatalog([
      makeEndpoint("m/x", makeProvider("cheap"), { inputPriceNanos: 1n, outputPriceNanos: 1n }),
      makeEndpoint("m/x", makeProvider("pricey"), { inputPriceNanos: 1000n, outputPriceNanos: 1000n }),
    ]);
    model.recordFailure("ep_cheap__m__x", boom);
    for (let seed = 0; seed < 20; seed++) {
      const plan = planRoute(
        planInput(
          catalog,
          { model: "m/x" },
          { health: model.lookup, now: c.now(), random: seededRandom(seed) },
        ),
      );
      expect(plan.attempts.map((e) => e.provider.id)).toEqual(["pricey", "cheap"]);
    }
  });
});
