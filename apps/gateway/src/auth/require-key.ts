import type { MiddlewareHandler } from "hono";
import type { GatewayDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { authenticate } from "./authenticate.ts";
import type { ApiKeyRecord } from "./key-store.ts";

/**
 * Authenticates the key and starts its per-minute rate-limit check (GCRA, shared through Redis),
 * which handlers await as `c.var.rateLimit` once the body is read: the round trip overlaps it.
 */
export function requireKey(
  deps: GatewayDeps,
  options: { rateLimited: boolean },
): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const key = await authenticate(c.req.header("authorization"), deps.keys, deps.clock());
    c.set("key", key);
    const verdict = options.rateLimited ? enforceRateLimit(deps, key) : Promise.resolve();
    // Observed by the handler; this keeps an early 4xx (bad body) from leaving it unhandled.
    verdict.catch(() => {});
    c.set("rateLimit", verdict);
    await next();
  };
}

async function enforceRateLimit(deps: GatewayDeps, key: ApiKeyRecord): Promise<void> {
  const limit = key.rateLimitPerMinute ?? deps.config.defaultRateLimitPerMinute;
  const decision = await deps.rateLimiter.check(key.keyId, limit);
  if (decision.allowed) return;
  const resetSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  throw new ApiError(
    429,
    "rate_limit_exceeded",
    `Rate limit exceeded: ${limit} requests per minute for this key.`,
    {
      metadata: { error_type: "rate_limit_exceeded" },
      headers: {
        "retry-after": String(resetSeconds),
        "x-ratelimit-limit": String(limit),
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(Date.now() + decision.retryAfterMs),
      },
    },
  );
}
