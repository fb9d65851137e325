import type { HealthEvent } from "./events.ts";

interface Bucket {
  ok: number;
  failed: number;
  latencies: number[];
  ttfts: number[];
  tps: number[];
}

export interface WindowStats {
  ok: number;
  failed: number;
  latencies: number[];
  ttfts: number[];
  tps: number[];
}

function pushCapped(samples: number[], value: number, seen: number, cap: number): void {
  if (samples.length < cap) samples.push(value);
  else samples[seen % cap] = value;
}

export interface RollingWindowOptions {
  bucketMs: number;
  /** Raw samples (latency, TTFT, tokens/s) are kept this long. */
  sampleWindowMs: number;
  /** Success / failure counts are kept this long (>= sampleWindowMs). */
  retentionMs: number;
  maxSamplesPerBucket: number;
}

/**
 * Time buckets (`bucketMs` wide). Counts live for `retentionMs`, raw samples for `sampleWindowMs`, so
 * long uptime windows stay cheap. Queries include every bucket that overlaps the asked window, so
 * results have bucket granularity.
 */
export class RollingWindow {
  readonly #buckets = new Map<number, Bucket>();

  constructor(private readonly options: RollingWindowOptions) {}

  #expired(index: number, now: number, windowMs: number): boolean {
    return (index + 1) * this.options.bucketMs <= now - windowMs;
  }

  add(event: HealthEvent, now: number): void {
    this.prune(now);
    const index = Math.floor(event.at / this.options.bucketMs);
    if (this.#expired(index, now, this.options.retentionMs)) return; // already outside the window
    const maxSamples = this.#expired(index, now, this.options.sampleWindowMs)
      ? 0
      : this.options.maxSamplesPerBucket;
    const bucket = this.#buckets.get(index) ?? { ok: 0, failed: 0, latencies: [], ttfts: [], tps: [] };
    const seen = bucket.ok;
    if (event.ok) {
      bucket.ok += 1;
      if (event.latencyMs !== undefined) pushCapped(bucket.latencies, event.latencyMs, seen, maxSamples);
      if (event.ttftMs !== undefined) pushCapped(bucket.ttfts, event.ttftMs, seen, maxSamples);
      if (event.tps !== undefined) pushCapped(bucket.tps, event.tps, seen, maxSamples);
    } else {
      bucket.failed += 1;
    }
    this.#buckets.set(index, bucket);
  }

  /** Counts and samples over the last `windowMs` (capped at the retention; samples at the sample window). */
  stats(now: number, windowMs: number): WindowStats {
    const result: WindowStats = { ok: 0, failed: 0, latencies: [], ttfts: [], tps: [] };
    const window = Math.min(windowMs, this.options.retentionMs);
    for (const [index, bucket] of this.#buckets) {
      if (this.#expired(index, now, window)) continue;
      result.ok += bucket.ok;
      result.failed += bucket.failed;
      result.latencies.push(...bucket.latencies);
      result.ttfts.push(...bucket.ttfts);
      result.tps.push(...bucket.tps);
    }
    return result;
  }

  prune(now: number): void {
    for (const [index, bucket] of this.#buckets) {
      if (this.#expired(index, now, this.options.retentionMs)) this.#buckets.delete(index);
      else if (bucket.latencies.length + bucket.ttfts.length + bucket.tps.length > 0) {
        if (this.#expired(index, now, this.options.sampleWindowMs)) {
          bucket.latencies = [];
          bucket.ttfts = [];
          bucket.tps = [];
        }
      }
    }
  }
}
