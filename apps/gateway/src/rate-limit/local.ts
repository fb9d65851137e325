import { TtlCache } from "../auth/ttl-cache.ts";
import { gcra, type RateLimitDecision, type RateLimiter } from "./types.ts";

/** In-process limiter for embedded mode (one gateway process, no Redis). */
export class LocalRateLimiter implements RateLimiter {
  readonly #tats = new TtlCache<number>(100_000, 60_000);

  constructor(private readonly now: () => number = Date.now) {}

  async check(key: string, limitPerMinute: number): Promise<RateLimitDecision> {
    const now = this.now();
    const { decision, newTat } = gcra(this.#tats.get(key) ?? 0, now, limitPerMinute);
    if (decision.allowed) this.#tats.set(key, newTat, Math.max(1, newTat - now));
    return decision;
  }
}
