import type { HoldOutcome, Spendable } from "./types.ts";

export interface HoldCounters {
  balance: bigint;
  /** Sum of the org's active holds. */
  held: bigint;
  /** Present when the key has its own limit. */
  key: { limit: bigint; usage: bigint; held: bigint } | null;
}

export function spendableOf(c: HoldCounters): Spendable {
  const org = c.balance - c.held;
  if (c.key === null) return { nanos: org, limitedBy: "org" };
  const key = c.key.limit - c.key.usage - c.key.held;
  return key < org ? { nanos: key, limitedBy: "key" } : { nanos: org, limitedBy: "org" };
}

/** The one hold rule both implementations share (the Redis Lua script mirrors it). */
export function decideHold(c: HoldCounters, amountNanos: bigint): HoldOutcome {
  const spendable = spendableOf(c);
  if (amountNanos <= spendable.nanos) return { ok: true };
  return {
    ok: false,
    reason: spendable.limitedBy === "key" ? "key_limit_exceeded" : "insufficient_credits",
    affordableNanos: spendable.nanos > 0n ? spendable.nanos : 0n,
  };
}
