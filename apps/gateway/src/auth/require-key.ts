import type { MiddlewareHandler } from "hono";
import type { GatewayDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { authenticate } from "./authenticate.ts";

/** Authenticates the key and applies its per-minute rate limit (GCRA, shared through Redis). */
export function requireKey(
  deps: GatewayDeps,
  options: { rateLimited: boolean },
): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const key = await authenticate(c.req.header("authorization"), deps.keys, deps.clock());
    c.set("key", key);
    if (options.rateLimited) {
      const limit = key.rateLimitPerMinute ?? deps.config.defaultRateLimitPerMinute;
      const decision = await deps.rateLimiter.check(key.keyId, limit);
      if (!decision.allowed) {
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
    }
    await next();
  };
}
