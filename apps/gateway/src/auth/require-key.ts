import type { MiddlewareHandler } from "hono";
import type { GatewayDeps } from "../deps.ts";
import { ApiError, respondWithError } from "../errors.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { requestHeader } from "../http/request-header.ts";
import { authenticate } from "./authenticate.ts";
import type { ApiKeyRecord } from "./key-store.ts";

/**
 * Authenticates the key and provides its per-minute rate-limit check (GCRA, shared through Redis)
 * as `c.var.rateLimit()`: the handler starts it alongside other work (chat runs it with the credit
 * hold, so when both go to Redis they leave in one write), and every later call returns the same
 * verdict. A request
 * the handler refused before starting the check (a malformed body) is counted here afterwards,
 * and over the limit the 429 is its answer.
 */
export function requireKey(
  deps: GatewayDeps,
  options: { rateLimited: boolean },
): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const key = await authenticate(requestHeader(c, "authorization"), deps.keys, deps.clock());
    c.set("key", key);
    let verdict: Promise<void> | undefined;
    c.set("rateLimit", () => {
      verdict ??= options.rateLimited ? enforceRateLimit(deps, key) : Promise.resolve();
      return verdict;
    });
    await next();
    if (!c.error) return;
    try {
      await c.var.rateLimit();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      c.res = respondWithError(c, error);
    }
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
