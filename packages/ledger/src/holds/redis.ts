import { createHash } from "node:crypto";
import { apiKeys, type Database, ledgerAccounts } from "@switchyard/db";
import { and, eq, sql } from "drizzle-orm";
import type { Redis } from "ioredis";
import { decideHold, type HoldCounters, spendableOf } from "./decide.ts";
import {
  LEASE_LUA,
  LEASE_SHRINK_LUA,
  LOAD_LUA,
  PEEK_LUA,
  RELEASE_LUA,
  RESERVE_LUA,
  SETTLE_LUA,
} from "./lua.ts";
import type { CreditHolds, HoldOutcome, HoldRequest, HoldSettlement, Spendable } from "./types.ts";

export interface RedisCreditHoldsOptions {
  db: Database;
  redis: Redis;
  /** Prefix of every key this instance touches, e.g. `sy:holds:`. */
  prefix?: string;
  /** Reload the snapshot once this many settlements are waiting for it (keeps `rc` small). */
  resnapshotAfter?: number;
}

interface Script {
  lua: string;
  sha: string;
}

const script = (lua: string): Script => ({ lua, sha: createHash("sha1").update(lua).digest("hex") });
const SCRIPTS = {
  reserve: script(RESERVE_LUA),
  peek: script(PEEK_LUA),
  settle: script(SETTLE_LUA),
  release: script(RELEASE_LUA),
  load: script(LOAD_LUA),
  lease: script(LEASE_LUA),
  leaseShrink: script(LEASE_SHRINK_LUA),
};

/** A lease as Redis knows it: a hold with its own id that one gateway process spends from. */
export interface LeaseRef {
  id: string;
  orgId: string;
  keyId: string;
  keyLimitNanos: bigint | null;
}

export type LeaseGrowth =
  | { ok: true }
  /** The amount does not fit; the counters say what would. */
  | { ok: false; counters: HoldCounters }
  /** An existing lease expired or was forgotten (a Redis flush). */
  | { gone: true };

/**
 * Holds in Redis: one Lua script reserves atomically against cached balance and held counters per
 * org and key. Redis is a cache of Postgres: on a miss (never loaded, flushed, restarted) the org is
 * rebuilt from a Postgres snapshot; settlements carry the ledger transaction id so a rebuilt
 * snapshot never counts a debit twice or misses one. Holds themselves live only in Redis: a flush
 * forgets in-flight holds, never money (their settlements still debit Postgres).
 */
export class RedisCreditHolds implements CreditHolds {
  private readonly db: Database;
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly resnapshotAfter: number;
  /** Loads of orgs found missing from Redis, in flight in this process (see `loadMissing`). */
  private readonly loading = new Map<string, Promise<void>>();

  constructor(options: RedisCreditHoldsOptions) {
    this.db = options.db;
    this.redis = options.redis;
    this.prefix = options.prefix ?? "sy:holds:";
    this.resnapshotAfter = options.resnapshotAfter ?? 2000;
  }

  async spendable(orgId: string, keyId: string, keyLimitNanos: bigint | null): Promise<Spendable> {
    const k = this.keys(orgId);
    for (let attempt = 0; ; attempt++) {
      const result = await this.run(SCRIPTS.peek, [k.o, k.ku, k.kh, k.hz, k.ha], [keyId]);
      if (result[0] === "ok") return spendableOf(countersFrom(result.slice(1), keyLimitNanos));
      if (attempt > 0) {
        // The key is unknown to Postgres: only the org limits it.
        const org = await this.run(SCRIPTS.peek, [k.o, k.ku, k.kh, k.hz, k.ha], [""]);
        return spendableOf(countersFrom(org[0] === "ok" ? org.slice(1) : ["0", "0", "0", "0"], null));
      }
      await this.loadMissing(orgId);
    }
  }

  async reserve(request: HoldRequest): Promise<HoldOutcome> {
    if (request.amountNanos < 0n) throw new RangeError("hold amount must be >= 0");
    const k = this.keys(request.orgId);
    const result = await this.runLoaded(
      request.orgId,
      SCRIPTS.reserve,
      [k.o, k.ku, k.kh, k.hz, k.ha, this.indexKey(request.generationId)],
      (allowMissingKey) => [
        request.generationId,
        request.amountNanos.toString(),
        request.keyId,
        limitArg(request.keyLimitNanos),
        ttlArg(request.ttlMs),
        request.orgId,
        allowMissingKey,
      ],
    );
    if (result[0] === "ok") return { ok: true };
    const outcome = decideHold(countersFrom(result.slice(1), request.keyLimitNanos), request.amountNanos);
    // The script decided exactly; the bigint rule recomputes what could be afforded, for the 402.
    return outcome.ok ? { ok: false, reason: "insufficient_credits", affordableNanos: 0n } : outcome;
  }

  /**
   * Grows a lease by amountNanos under the reserve rule; `existing` says the caller believes the
   * lease is already there (a vanished one is reported, not silently recreated).
   */
  async growLease(
    lease: LeaseRef,
    amountNanos: bigint,
    options: { ttlMs: number; existing: boolean },
  ): Promise<LeaseGrowth> {
    const k = this.keys(lease.orgId);
    const result = await this.runLoaded(
      lease.orgId,
      SCRIPTS.lease,
      [k.o, k.ku, k.kh, k.hz, k.ha],
      (allowMissingKey) => [
        lease.id,
        amountNanos.toString(),
        lease.keyId,
        limitArg(lease.keyLimitNanos),
        ttlArg(options.ttlMs),
        allowMissingKey,
        options.existing ? "1" : "0",
      ],
    );
    if (result[0] === "ok") return { ok: true };
    if (result[0] === "gone") return { gone: true };
    return { ok: false, counters: countersFrom(result.slice(1), lease.keyLimitNanos) };
  }

  /**
   * Gives amountNanos of a lease back and, with a ttl, pushes its expiry out. Returns the org's
   * spendable balance after it, or null when the lease is gone.
   */
  async shrinkLease(lease: LeaseRef, amountNanos: bigint, ttlMs: number | null): Promise<bigint | null> {
    const k = this.keys(lease.orgId);
    const result = await this.run(
      SCRIPTS.leaseShrink,
      [k.o, k.kh, k.hz, k.ha],
      [lease.id, amountNanos.toString(), ttlMs === null ? "" : ttlArg(ttlMs)],
    );
    if (result[0] !== "ok") return null;
    return BigInt(result[1] ?? "0") - BigInt(result[2] ?? "0");
  }

  /** One script call per org, however many of its generations settle together. */
  async settle(settlements: readonly HoldSettlement[]): Promise<void> {
    const byOrg = new Map<string, HoldSettlement[]>();
    for (const s of settlements) {
      const group = byOrg.get(s.orgId);
      if (group) group.push(s);
      else byOrg.set(s.orgId, [s]);
    }
    await Promise.all(
      [...byOrg].map(async ([orgId, group]) => {
        const k = this.keys(orgId);
        // Shrinking a lease by the sum of its generations' costs takes what shrinking it by each
        // in turn would (both stop at what is left), in one step instead of one per generation.
        const leaseTotals = new Map<string, bigint>();
        for (const s of group) {
          if (s.leaseId) leaseTotals.set(s.leaseId, (leaseTotals.get(s.leaseId) ?? 0n) + s.costNanos);
        }
        const waiting = await this.run(
          SCRIPTS.settle,
          [k.o, k.ku, k.kh, k.hz, k.ha, k.rc, ...group.map((s) => this.indexKey(s.generationId))],
          [
            String(group.length),
            ...group.flatMap((s) => [
              s.generationId,
              s.costNanos.toString(),
              s.keyId ?? "",
              s.ledgerTxid ?? "",
              s.leaseId ?? "",
            ]),
            ...[...leaseTotals].flatMap(([leaseId, total]) => [leaseId, total.toString()]),
          ],
        );
        if (Number(waiting[0]) >= this.resnapshotAfter) await this.rebuildOrg(orgId);
      }),
    );
  }

  async release(generationId: string): Promise<void> {
    const orgId = await this.redis.get(this.indexKey(generationId));
    if (orgId === null) return;
    const k = this.keys(orgId);
    await this.run(SCRIPTS.release, [k.o, k.kh, k.hz, k.ha, this.indexKey(generationId)], [generationId]);
  }

  refresh(orgId: string): Promise<void> {
    return this.rebuildOrg(orgId);
  }

  /**
   * Loads the org's balance and key usage from one Postgres snapshot into Redis. Safe to run
   * concurrently with reserves, settlements and other rebuilds: an older snapshot never replaces a
   * newer one, and settlements are matched against the snapshot by transaction id.
   */
  async rebuildOrg(orgId: string): Promise<void> {
    const state = await this.db.transaction(
      async (tx) => {
        const [snapRow] = await tx.execute<{ snap: string }>(sql`select pg_current_snapshot()::text as snap`);
        const [account] = await tx
          .select({ balance: ledgerAccounts.balanceNanos })
          .from(ledgerAccounts)
          .where(and(eq(ledgerAccounts.kind, "org_credits"), eq(ledgerAccounts.orgId, orgId)));
        const keys = await tx
          .select({ id: apiKeys.id, usage: apiKeys.usageNanos })
          .from(apiKeys)
          .where(eq(apiKeys.orgId, orgId));
        return { snap: snapRow?.snap ?? "", balance: account?.balance ?? 0n, keys };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    if (!/^\d+:\d+:[\d,]*$/.test(state.snap)) throw new Error(`Unexpected snapshot ${state.snap}`);
    const k = this.keys(orgId);
    const args = [state.snap, state.balance.toString()];
    for (const key of state.keys) args.push(key.id, key.usage.toString());
    await this.run(SCRIPTS.load, [k.o, k.ku, k.kh, k.hz, k.ha, k.rc], args);
  }

  /**
   * `rebuildOrg` for callers that found the org missing: concurrent callers share one load. After a
   * Redis flush or restart every request of a busy org misses at once, and without this each would
   * run its own Postgres transaction. Joining a load already under way is safe for them: they only
   * need the org present, and their script runs again (and loads again if it is still missing).
   * `refresh` does not join: it must see what was committed before it was called.
   */
  private loadMissing(orgId: string): Promise<void> {
    const running = this.loading.get(orgId);
    if (running) return running;
    const load = this.rebuildOrg(orgId).finally(() => this.loading.delete(orgId));
    this.loading.set(orgId, load);
    return load;
  }

  private keys(orgId: string) {
    const base = `${this.prefix}{${orgId}}:`;
    return {
      o: `${base}o`,
      ku: `${base}ku`,
      kh: `${base}kh`,
      hz: `${base}hz`,
      ha: `${base}ha`,
      rc: `${base}rc`,
    };
  }

  private indexKey(generationId: string): string {
    return `${this.prefix}hold:${generationId}`;
  }

  /**
   * Runs a script that answers {'miss'} when the org (or a limited key) is not in Redis yet: loads
   * the org from Postgres and runs it again, the second time letting a key Postgres does not know
   * count as unlimited.
   */
  private async runLoaded(
    orgId: string,
    s: Script,
    keys: string[],
    args: (allowMissingKey: "0" | "1") => string[],
  ): Promise<string[]> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await this.run(s, keys, args(attempt > 0 ? "1" : "0"));
      if (result[0] !== "miss") return result;
      await this.loadMissing(orgId);
    }
    throw new Error(`Could not load credit state for ${orgId}`);
  }

  private async run(s: Script, keys: string[], args: string[]): Promise<string[]> {
    const result = await this.runRaw(s, keys, args);
    return Array.isArray(result) ? result.map(String) : [String(result)];
  }

  private async runRaw(s: Script, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(s.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes("NOSCRIPT")) throw error;
      return this.redis.eval(s.lua, keys.length, ...keys, ...args);
    }
  }
}

const limitArg = (keyLimitNanos: bigint | null) => (keyLimitNanos === null ? "" : keyLimitNanos.toString());
const ttlArg = (ttlMs: number) => String(Math.max(1, Math.floor(ttlMs)));

function countersFrom(values: string[], keyLimitNanos: bigint | null): HoldCounters {
  const [bal = "0", held = "0", usage = "0", kheld = "0"] = values;
  return {
    balance: BigInt(bal),
    held: BigInt(held),
    key: keyLimitNanos === null ? null : { limit: keyLimitNanos, usage: BigInt(usage), held: BigInt(kheld) },
  };
}
