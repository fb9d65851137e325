import { redis } from "../redis.ts";
import { type LoginLimiter, memoryLoginLimiter, redisLoginLimiter } from "./rate-limit.ts";

const holder = globalThis as typeof globalThis & { __switchyardLoginLimiter?: LoginLimiter };

/** Redis-backed when REDIS_URL is set (shared by every dashboard replica), else in-process. */
export function loginLimiter(): LoginLimiter {
  if (!holder.__switchyardLoginLimiter) {
    const client = redis();
    holder.__switchyardLoginLimiter = client ? redisLoginLimiter(client) : memoryLoginLimiter();
  }
  return holder.__switchyardLoginLimiter;
}
