import type { Redis } from "ioredis";

export interface LoginLimitConfig {
  /** Failures allowed inside the window before sign-in is refused. */
  maxFailures: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimitConfig = { maxFailures: 5, windowSeconds: 300 };

/** Counts failed sign-ins per (email, IP); a blocked key is refused before the password is checked. */
export interface LoginLimiter {
  /** Seconds until the key may try again; 0 when it may try now. */
  retryAfter(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export function loginLimitKey(email: string, ip: string): string {
  return `${email.trim().toLowerCase()}|${ip}`;
}

/** Shared across gateway-like replicas of the dashboard: fixed window counter in Redis. */
export function redisLoginLimiter(
  client: Redis,
  config: LoginLimitConfig = DEFAULT_LOGIN_LIMIT,
  prefix = "sy:web:login-fail:",
): LoginLimiter {
  return {
    async retryAfter(key) {
      const [count, ttl] = await Promise.all([client.get(prefix + key), client.ttl(prefix + key)]);
      if (Number(count ?? 0) < config.maxFailures) return 0;
      return ttl > 0 ? ttl : config.windowSeconds;
    },
    async recordFailure(key) {
      await client
        .multi()
        .set(prefix + key, 0, "EX", config.windowSeconds, "NX")
        .incr(prefix + key)
        .exec();
    },
    async reset(key) {
      await client.del(prefix + key);
    },
  };
}

/** In-process mode (no REDIS_URL): the same window kept in memory. */
export function memoryLoginLimiter(
  config: LoginLimitConfig = DEFAULT_LOGIN_LIMIT,
  now: () => number = Date.now,
): LoginLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (key: string) => {
    const entry = windows.get(key);
    if (entry && entry.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    async retryAfter(key) {
      const entry = current(key);
      if (!entry || entry.count < config.maxFailures) return 0;
      return Math.ceil((entry.resetAt - now()) / 1000);
    },
    async recordFailure(key) {
      const entry = current(key);
      if (entry) entry.count += 1;
      else windows.set(key, { count: 1, resetAt: now() + config.windowSeconds * 1000 });
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
