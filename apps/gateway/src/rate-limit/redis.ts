import type { Redis } from "ioredis";
import { TtlCache } from "../auth/ttl-cache.ts";
import type { RateLimitDecision, RateLimiter } from "./types.ts";

// The GCRA of types.ts, run atomically in Redis with Redis's own clock so replicas agree, taking up
// to ARGV[2] cells at once. Returns {cells taken, remaining, ms until one would be allowed}.
const SCRIPT = `
local limit = tonumber(ARGV[1])
local wanted = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = 60000 / limit
local tolerance = interval * (limit - 1)
local base = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
local fits = math.floor((now - base + tolerance + interval) / interval)
if fits < 1 then
  return {0, 0, math.ceil(base - tolerance - now)}
end
local taken = math.min(wanted, fits)
local newTat = base + taken * interval
redis.call('SET', KEYS[1], tostring(newTat), 'PX', math.max(1, math.ceil(newTat - now)))
local remaining = math.floor((tolerance - (newTat - now - interval)) / interval)
if remaining < 0 then remaining = 0 end
return {taken, remaining, 0}
`;

/** Cells taken ahead are spent within this long or dropped, so the burst is never exceeded by more. */
const BATCH_LIFETIME_MS = 1_000;
/** A batch is the number of requests the key made in the last window of this length. */
const WINDOW_MS = 100;

interface KeyState {
  limit: number;
  /** Cells taken from Redis and not yet handed out; they expire at expiresAt. */
  cells: number;
  expiresAt: number;
  remaining: number;
  windowStart: number;
  windowCount: number;
  lastWindowCount: number;
  fetching: Promise<unknown> | null;
  /** Requests waiting for the batch being fetched. */
  waiting: number;
  /** Redis refused a cell until then: later requests are refused without asking. */
  refusedUntil: number;
}

/**
 * Shared limiter for gateway replicas. A busy key takes its cells from Redis in batches of about
 * 100 ms of its recent rate, capped at 0.1 s of its limit (a sliver of the burst): most of its
 * requests then decide in memory, with no Redis round trip. Cells not spent within a second are
 * dropped, never spent late. A quiet key, or one whose limit is under 1,200 a minute, takes one
 * cell per request. A refusal is remembered until its retry time, so a client hammering past its
 * limit costs no Redis round trips.
 */
export class RedisRateLimiter implements RateLimiter {
  readonly #keys = new TtlCache<KeyState>(100_000, 60_000);

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {
    redis.defineCommand("syRateLimit", { numberOfKeys: 1, lua: SCRIPT });
  }

  async check(key: string, limitPerMinute: number): Promise<RateLimitDecision> {
    const state = this.#stateOf(key, limitPerMinute);
    // Each pass follows a finished fetch: it added cells, or it was refused.
    for (;;) {
      const refusedFor = state.refusedUntil - this.now();
      // Nothing can free a cell before then: other gateways only take cells.
      if (refusedFor > 0)
        return { allowed: false, limit: limitPerMinute, remaining: 0, retryAfterMs: refusedFor };
      if (state.cells > 0 && state.expiresAt > this.now()) {
        state.cells -= 1;
        return { allowed: true, limit: limitPerMinute, remaining: state.remaining, retryAfterMs: 0 };
      }
      if (!state.fetching) break;
      state.waiting += 1;
      try {
        await state.fetching;
      } finally {
        state.waiting -= 1;
      }
    }
    // Enough for the key's recent rate and for the requests waiting right now, within the ceiling.
    const ceiling = Math.floor(limitPerMinute / 600);
    const demand = Math.max(state.lastWindowCount, state.waiting + 1);
    const wanted = ceiling < 2 ? 1 : Math.min(ceiling, demand);
    const fetch = this.#take(key, limitPerMinute, wanted).then(({ decision, cells }) => {
      // This request spends the first cell; the rest join what is left of the last batch.
      const now = this.now();
      state.cells = (state.expiresAt > now ? state.cells : 0) + Math.max(0, cells - 1);
      state.expiresAt = now + BATCH_LIFETIME_MS;
      state.remaining = decision.remaining;
      if (!decision.allowed) state.refusedUntil = now + decision.retryAfterMs;
      return decision;
    });
    if (ceiling >= 2) {
      // Requests arriving meanwhile wait for this batch instead of each asking Redis.
      const clear = () => {
        if (state.fetching === fetch) state.fetching = null;
      };
      state.fetching = fetch;
      fetch.then(clear, clear);
    }
    return fetch;
  }

  /** The key's state, counting this request in its rate window. */
  #stateOf(key: string, limitPerMinute: number): KeyState {
    const now = this.now();
    let state = this.#keys.get(key);
    if (!state) {
      state = {
        limit: limitPerMinute,
        cells: 0,
        expiresAt: 0,
        remaining: 0,
        windowStart: now,
        windowCount: 0,
        lastWindowCount: 0,
        fetching: null,
        waiting: 0,
        refusedUntil: 0,
      };
      this.#keys.set(key, state);
    }
    if (state.limit !== limitPerMinute) {
      // The key's limit changed: cells and refusals decided under the old one no longer apply.
      Object.assign(state, { limit: limitPerMinute, cells: 0, refusedUntil: 0 });
    }
    if (now - state.windowStart >= WINDOW_MS) {
      state.lastWindowCount = now - state.windowStart < 2 * WINDOW_MS ? state.windowCount : 0;
      state.windowStart = now;
      state.windowCount = 0;
    }
    state.windowCount += 1;
    return state;
  }

  async #take(
    key: string,
    limitPerMinute: number,
    cells: number,
  ): Promise<{ decision: RateLimitDecision; cells: number }> {
    const command = (
      this.redis as unknown as Record<string, (...args: unknown[]) => Promise<[number, number, number]>>
    ).syRateLimit;
    if (!command) throw new Error("rate limit script not registered");
    const [taken, remaining, retryAfterMs] = await command.call(
      this.redis,
      `${this.prefix}:rl:${key}`,
      limitPerMinute,
      cells,
    );
    return {
      decision: { allowed: taken > 0, limit: limitPerMinute, remaining, retryAfterMs },
      cells: taken,
    };
  }
}
