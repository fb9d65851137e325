export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** ms until a request would be allowed again (0 when allowed) */
  retryAfterMs: number;
}

/**
 * GCRA (generic cell rate algorithm): `limit` requests per minute with a burst of the full limit.
 * One timestamp per key (the theoretical arrival time) is all the state it needs.
 */
export interface RateLimiter {
  check(key: string, limitPerMinute: number): Promise<RateLimitDecision>;
}

export function gcra(
  tat: number,
  now: number,
  limitPerMinute: number,
): { decision: RateLimitDecision; newTat: number } {
  const interval = 60_000 / limitPerMinute;
  const tolerance = interval * (limitPerMinute - 1);
  const base = Math.max(tat, now);
  const newTat = base + interval;
  const allowAt = newTat - tolerance - interval;
  if (now < allowAt) {
    return {
      decision: {
        allowed: false,
        limit: limitPerMinute,
        remaining: 0,
        retryAfterMs: Math.ceil(allowAt - now),
      },
      newTat: tat,
    };
  }
  const remaining = Math.max(0, Math.floor((tolerance - (newTat - now - interval)) / interval));
  return { decision: { allowed: true, limit: limitPerMinute, remaining, retryAfterMs: 0 }, newTat };
}
