/**
 * Two-phase credit holds: reserve the request's maximum cost before calling upstream, then settle
 * with the actual cost. Spendable = ledger balance - active holds, for the org and for the key's
 * own limit. Implementations: Redis (one Lua script) and Postgres (embedded mode).
 */

export interface HoldRequest {
  generationId: string;
  orgId: string;
  keyId: string;
  /** The key's lifetime credit limit, or null when only the org balance limits it. */
  keyLimitNanos: bigint | null;
  amountNanos: bigint;
  ttlMs: number;
}

export type HoldOutcome =
  | {
      ok: true;
      /** Set when the hold was taken from a lease (see LeasedCreditHolds), not reserved on its own. */
      leaseId?: string;
    }
  | {
      ok: false;
      reason: "insufficient_credits" | "key_limit_exceeded";
      /** What could have been reserved (never negative). */
      affordableNanos: bigint;
    };

export interface Spendable {
  /** min(org spendable, key spendable); may be <= 0 */
  nanos: bigint;
  limitedBy: "org" | "key";
}

/** A generation whose ledger debit committed; its hold is settled against the actual cost. */
export interface HoldSettlement {
  generationId: string;
  orgId: string;
  keyId: string | null;
  costNanos: bigint;
  /**
   * Postgres transaction id (xid8, decimal) of the settlement that debited the ledger, as returned by
   * `settleUsageBatch`. Caches use it to tell whether a rebuilt snapshot already contains the debit.
   */
  ledgerTxid?: string | null;
  /**
   * The lease the request's hold was taken from. Set on a generation's first settlement only, so a
   * replay never takes the cost off the lease twice (a replay leaves it leased until it expires).
   */
  leaseId?: string | null;
}

export interface CreditHolds {
  spendable(orgId: string, keyId: string, keyLimitNanos: bigint | null): Promise<Spendable>;
  reserve(request: HoldRequest): Promise<HoldOutcome>;
  /**
   * Called after the ledger debits of these generations committed: releases their holds and
   * reflects each debit of `costNanos` in whatever the implementation caches. Idempotent.
   */
  settle(settlements: readonly HoldSettlement[]): Promise<void>;
  /** Releases a hold without a debit (the request failed before anything was billed). Idempotent. */
  release(generationId: string): Promise<void>;
  /**
   * The request ended costing `costNanos`. A hold taken from a lease gives the rest back to the
   * lease at once; the cost stays leased until its settlement takes it off. Holds reserved on
   * their own are settled by the usage worker instead, so other implementations need no method.
   */
  finish?(generationId: string, costNanos: bigint): void;
  /**
   * Re-reads the org's balance after a ledger change other than usage (purchase, refund, grant).
   * Only implementations that cache balances need it (Redis); Postgres reads the ledger directly.
   */
  refresh?(orgId: string): Promise<void>;
}
