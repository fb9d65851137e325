import { describe, expect, it } from "vitest";
import { RollingWindow } from "./rolling-window.ts";

const T = 1_700_000_000_000;
const options = { bucketMs: 10_000, sampleWindowMs: 60_000, retentionMs: 300_000, maxSamplesPerBucket: 4 };

describe("RollingWindow", () => {
  it("counts outcomes in buckets overlapping the asked window", () => {
    const window = new RollingWindow(options);
    window.add({ endpointId: "e", at: T, ok: true }, T);
    window.add({ endpointId: "e", at: T + 25_000, ok: false }, T + 25_000);
    expect(window.stats(T + 25_000, 10_000)).toMatchObject({ ok: 0, failed: 1 });
    expect(window.stats(T + 25_000, 30_000)).toMatchObject({ ok: 1, failed: 1 });
  });

  it("keeps counts for the retention but raw samples only for the sample window", () => {
    const window = new RollingWindow(options);
    window.add({ endpointId: "e", at: T, ok: true, latencyMs: 10 }, T);
    expect(window.stats(T, 60_000).latencies).toEqual([10]);
    const later = T + 120_000;
    window.prune(later);
    expect(window.stats(later, 300_000)).toMatchObject({ ok: 1, latencies: [] });
    window.prune(T + 310_000);
    expect(window.stats(T + 310_000, 300_000).ok).toBe(0);
  });

  it("caps raw samples per bucket, overwriting round-robin", () => {
    const window = new RollingWindow(options);
    for (let i = 0; i < 6; i++) window.add({ endpointId: "e", at: T, ok: true, latencyMs: i }, T);
    const stats = window.stats(T, 60_000);
    expect(stats.ok).toBe(6);
    expect(stats.latencies).toEqual([4, 5, 2, 3]);
  });

  it("ignores events older than the retention", () => {
    const window = new RollingWindow(options);
    window.add({ endpointId: "e", at: T - 400_000, ok: false }, T);
    expect(window.stats(T, 300_000).failed).toBe(0);
  });
});
