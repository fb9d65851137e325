import type { HealthConfig } from "./config.ts";

export type CircuitState = "closed" | "open" | "half_open";

type BreakerConfig = Pick<
  HealthConfig,
  "failureThreshold" | "errorRateThreshold" | "errorRateMinSamples" | "errorRateWindowMs" | "cooldownMs"
>;

/**
 * Per-endpoint breaker. closed -> open after `failureThreshold` consecutive failures or an error rate
 * above `errorRateThreshold` over at least `errorRateMinSamples` outcomes within `errorRateWindowMs`.
 * open -> half_open once `cooldownMs` has passed (one probe at a time). Any success closes it and
 * starts a fresh error-rate window; a failure while half_open re-opens it.
 */
export class CircuitBreaker {
  #state: CircuitState = "closed";
  #openedAt = 0;
  #consecutiveFailures = 0;
  /** Outcomes per second within the error-rate window: O(window seconds), not O(requests). */
  readonly #recent = new Map<number, { ok: number; failed: number }>();
  #probeStartedAt: number | undefined;

  constructor(private readonly config: BreakerConfig) {}

  state(now: number): CircuitState {
    if (this.#state === "open" && now - this.#openedAt >= this.config.cooldownMs) return "half_open";
    return this.#state;
  }

  get consecutiveFailures(): number {
    return this.#consecutiveFailures;
  }

  /** Whether a request may go to this endpoint now; in half_open only one probe is let through at a time. */
  tryAcquire(now: number): boolean {
    const state = this.state(now);
    if (state === "closed") return true;
    if (state === "open") return false;
    if (this.#probeStartedAt !== undefined && now - this.#probeStartedAt < this.config.cooldownMs)
      return false;
    this.#probeStartedAt = now;
    return true;
  }

  onSuccess(at: number): void {
    const wasClosed = this.#state === "closed";
    this.#state = "closed";
    this.#consecutiveFailures = 0;
    this.#probeStartedAt = undefined;
    // Recovering from open starts a fresh window, so old failures cannot re-open it at once.
    if (!wasClosed) this.#recent.clear();
    this.#count(at, true);
  }

  onFailure(at: number): void {
    this.#probeStartedAt = undefined;
    this.#consecutiveFailures += 1;
    this.#count(at, false);
    const state = this.state(at);
    if (state === "half_open") {
      this.#open(at);
      return;
    }
    if (state === "open") return;
    let failures = 0;
    let total = 0;
    for (const bucket of this.#recent.values()) {
      failures += bucket.failed;
      total += bucket.ok + bucket.failed;
    }
    const tooManyErrors =
      total >= this.config.errorRateMinSamples && failures / total > this.config.errorRateThreshold;
    if (this.#consecutiveFailures >= this.config.failureThreshold || tooManyErrors) this.#open(at);
  }

  #count(at: number, ok: boolean): void {
    const second = Math.floor(at / 1000);
    const oldest = Math.floor((at - this.config.errorRateWindowMs) / 1000);
    for (const key of this.#recent.keys()) if (key <= oldest) this.#recent.delete(key);
    const bucket = this.#recent.get(second) ?? { ok: 0, failed: 0 };
    if (ok) bucket.ok += 1;
    else bucket.failed += 1;
    this.#recent.set(second, bucket);
  }

  #open(at: number): void {
    this.#state = "open";
    this.#openedAt = at;
  }
}
