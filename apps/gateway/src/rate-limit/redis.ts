import type { Redis } from "ioredis";
import type { RateLimitDecision, RateLimiter } from "./types.ts";

// Same GCRA as types.ts, run atomically in Redis with Redis's own clock so replicas agree.
const SCRIPT = `
local limit = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = 60000 / limit
local tolerance = interval * (limit - 1)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local base = math.max(tat, now)
local newTat = base + interval
local allowAt = newTat - tolerance - interval
if now < allowAt then
  return {0, 0, math.ceil(allowAt - now)}
end
redis.call('SET', KEYS[1], tostring(newTat), 'PX', math.max(1, math.ceil(newTat - now)))
local remaining = math.floor((tolerance - (newTat - now - interval)) / interval)
if remaining < 0 then remaining = 0 end
return {1, remaining, 0}
`;

/** Shared limiter for gateway replicas. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand("syRateLimit", { numberOfKeys: 1, lua: SCRIPT });
  }

  async check(key: string, limitPerMinute: number): Promise<RateLimitDecision> {
    const command = (
      this.redis as unknown as Record<string, (...args: unknown[]) => Promise<[number, number, number]>>
    ).syRateLimit;
    if (!command) throw new Error("rate limit script not registered");
    const [allowed, remaining, retryAfterMs] = await command.call(
      this.redis,
      `${this.prefix}:rl:${key}`,
      limitPerMinute,
    );
    return { allowed: allowed === 1, limit: limitPerMinute, remaining, retryAfterMs };
  }
}
