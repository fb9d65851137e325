import type { EndpointHealth, HealthLookup } from "../types.ts";
import { CircuitBreaker, type CircuitState } from "./circuit-breaker.ts";
import { DEFAULT_HEALTH_CONFIG, type HealthConfig } from "./config.ts";
import type { FailureInfo, HealthEvent, SuccessSample } from "./events.ts";
import { percentile } from "./percentile.ts";
import { RollingWindow } from "./rolling-window.ts";

/** 400 and 413 are the caller's fault and never count against an endpoint (OpenRouter uptime rules). */
const USER_ERROR_STATUSES = new Set([400, 413]);

type WindowHealth = Omit<EndpointHealth, "circuit" | "lastFailureAt">;

interface EndpointState {
  window: RollingWindow;
  breaker: CircuitBreaker;
  lastFailureAt?: number;
  /** Window statistics computed at `at`; percentiles cost a sort, so they are reused briefly. */
  cached?: { at: number; stats: WindowHealth };
}

export interface HealthModelOptions {
  now: () => number;
  config?: Partial<HealthConfig>;
}

/**
 * What real traffic says about each endpoint: rolling error rate, latency / TTFT percentiles,
 * throughput, uptime and a circuit breaker. Pure: the clock is injected and nothing is shared;
 * replicas exchange `HealthEvent`s (see events.ts).
 */
export class HealthModel {
  readonly config: HealthConfig;
  readonly #now: () => number;
  readonly #endpoints = new Map<string, EndpointState>();
  #pending: HealthEvent[] = [];

  /** `HealthLookup` for `planRoute`. */
  readonly lookup: HealthLookup = (endpointId) => this.get(endpointId);

  constructor(options: HealthModelOptions) {
    this.#now = options.now;
    this.config = { ...DEFAULT_HEALTH_CONFIG, ...options.config };
  }

  recordSuccess(endpointId: string, sample: SuccessSample): HealthEvent {
    const event: HealthEvent = { endpointId, at: this.#now(), ok: true, latencyMs: sample.latencyMs };
    if (sample.ttftMs !== undefined) event.ttftMs = sample.ttftMs;
    if (sample.outputTokens > 0 && sample.generationMs > 0) {
      event.tps = sample.outputTokens / (sample.generationMs / 1000);
    }
    return this.#record(event);
  }

  /** Returns undefined (and records nothing) for user errors (400, 413). */
  recordFailure(endpointId: string, failure: FailureInfo): HealthEvent | undefined {
    if (failure.status !== undefined && USER_ERROR_STATUSES.has(failure.status)) return undefined;
    const event: HealthEvent = { endpointId, at: this.#now(), ok: false, code: failure.code };
    if (failure.status !== undefined) event.status = failure.status;
    return this.#record(event);
  }

  /** Applies an event observed elsewhere (another replica). It is not queued for `drainEvents()`. */
  apply(event: HealthEvent): void {
    const state = this.#state(event.endpointId);
    state.window.add(event, this.#now());
    if (event.ok) state.breaker.onSuccess(event.at);
    else {
      state.breaker.onFailure(event.at);
      state.lastFailureAt = Math.max(state.lastFailureAt ?? event.at, event.at);
    }
  }

  /** Applies a batch of remote events in time order. */
  mergeEvents(events: readonly HealthEvent[]): void {
    for (const event of [...events].sort((a, b) => a.at - b.at)) this.apply(event);
  }

  /** Local events recorded since the last call, for publishing to other replicas. */
  drainEvents(): HealthEvent[] {
    const events = this.#pending;
    this.#pending = [];
    return events;
  }

  get(endpointId: string): EndpointHealth | undefined {
    const state = this.#endpoints.get(endpointId);
    if (!state) return undefined;
    const now = this.#now();
    // Circuit state and the last failure are always fresh; the window statistics are recomputed at
    // most every `statsCacheMs` (the router asks for every candidate on every request).
    if (!state.cached || now - state.cached.at >= this.config.statsCacheMs) {
      state.cached = { at: now, stats: this.#windowHealth(state, now) };
    }
    const health: EndpointHealth = { circuit: state.breaker.state(now), ...state.cached.stats };
    if (state.lastFailureAt !== undefined) health.lastFailureAt = state.lastFailureAt;
    return health;
  }

  #windowHealth(state: EndpointState, now: number): WindowHealth {
    state.window.prune(now);
    const stats = state.window.stats(now, this.config.windowMs);
    const samples = stats.ok + stats.failed;
    const health: WindowHealth = { errorRate: samples === 0 ? 0 : stats.failed / samples, samples };
    const optional = {
      latencyP50Ms: percentile(stats.latencies, 50),
      latencyP90Ms: percentile(stats.latencies, 90),
      ttftP50Ms: percentile(stats.ttfts, 50),
      throughputTps: percentile(stats.tps, 50),
    };
    for (const [key, value] of Object.entries(optional) as [keyof typeof optional, number | undefined][]) {
      if (value !== undefined) health[key] = value;
    }
    return health;
  }

  /** successes / (successes + failures) over the last `windowMs` (capped at `config.retentionMs`). */
  uptime(endpointId: string, windowMs: number = this.config.windowMs): number | undefined {
    const state = this.#endpoints.get(endpointId);
    if (!state) return undefined;
    state.window.prune(this.#now());
    const stats = state.window.stats(this.#now(), windowMs);
    const total = stats.ok + stats.failed;
    return total === 0 ? undefined : stats.ok / total;
  }

  /** Latency / TTFT / throughput percentile (0..100) over the window, for dashboards and /endpoints. */
  percentile(endpointId: string, metric: "latency" | "ttft" | "tps", p: number): number | undefined {
    const state = this.#endpoints.get(endpointId);
    if (!state) return undefined;
    state.window.prune(this.#now());
    const stats = state.window.stats(this.#now(), this.config.windowMs);
    const values = metric === "latency" ? stats.latencies : metric === "ttft" ? stats.ttfts : stats.tps;
    return percentile(values, p);
  }

  circuit(endpointId: string): CircuitState {
    return this.#endpoints.get(endpointId)?.breaker.state(this.#now()) ?? "closed";
  }

  /** Gate before calling upstream: false while open; in half_open lets one probe through at a time. */
  allowRequest(endpointId: string): boolean {
    const state = this.#endpoints.get(endpointId);
    return state ? state.breaker.tryAcquire(this.#now()) : true;
  }

  #record(event: HealthEvent): HealthEvent {
    this.apply(event);
    this.#pending.push(event);
    if (this.#pending.length > this.config.maxPendingEvents) this.#pending.shift();
    return event;
  }

  #state(endpointId: string): EndpointState {
    let state = this.#endpoints.get(endpointId);
    if (!state) {
      const { bucketMs, windowMs, retentionMs, maxSamplesPerBucket } = this.config;
      state = {
        window: new RollingWindow({
          bucketMs,
          sampleWindowMs: windowMs,
          retentionMs: Math.max(retentionMs, windowMs),
          maxSamplesPerBucket,
        }),
        breaker: new CircuitBreaker(this.config),
      };
      this.#endpoints.set(endpointId, state);
    }
    return state;
  }
}
