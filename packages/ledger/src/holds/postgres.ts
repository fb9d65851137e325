import { apiKeys, creditHolds, type Database, ledgerAccounts, newId } from "@switchyard/db";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { orgCreditAccountId } from "../accounts.ts";
import type { Transaction } from "../transfers.ts";
import { decideHold, type HoldCounters, spendableOf } from "./decide.ts";
import type { CreditHolds, HoldOutcome, HoldRequest, HoldSettlement, Spendable } from "./types.ts";

/**
 * Holds in Postgres (embedded mode, no Redis). Reserve locks the org's credit account row, so
 * reserves and settlements of one org are serialised and can never overspend.
 */
export class PostgresCreditHolds implements CreditHolds {
  constructor(private readonly db: Database) {}

  async spendable(orgId: string, keyId: string, keyLimitNanos: bigint | null): Promise<Spendable> {
    return this.db.transaction(async (tx) => {
      const counters = await loadCounters(tx, orgId, keyId, keyLimitNanos, false);
      return spendableOf(counters);
    });
  }

  async reserve(request: HoldRequest): Promise<HoldOutcome> {
    if (request.amountNanos < 0n) throw new RangeError("hold amount must be >= 0");
    return this.db.transaction(async (tx) => {
      const counters = await loadCounters(tx, request.orgId, request.keyId, request.keyLimitNanos, true);
      const [existing] = await tx
        .select({ status: creditHolds.status })
        .from(creditHolds)
        .where(eq(creditHolds.generationId, request.generationId));
      if (existing) return { ok: true };
      const outcome = decideHold(counters, request.amountNanos);
      if (!outcome.ok) return outcome;
      await tx.insert(creditHolds).values({
        id: newId("hold"),
        orgId: request.orgId,
        keyId: request.keyId,
        generationId: request.generationId,
        amountNanos: request.amountNanos,
        expiresAt: new Date(Date.now() + request.ttlMs),
      });
      return { ok: true };
    });
  }

  /**
   * Nothing left to do: settlement marks these holds settled in the transaction that writes their
   * debits (`settleUsageBatch`), so the balance and the holds never disagree between two statements.
   */
  async settle(_settlements: readonly HoldSettlement[]): Promise<void> {
    // Settled in the settlement transaction; see above.
  }

  async release(generationId: string): Promise<void> {
    await this.db
      .update(creditHolds)
      .set({ status: "released" })
      .where(and(eq(creditHolds.generationId, generationId), eq(creditHolds.status, "active")));
  }
}

async function loadCounters(
  tx: Transaction,
  orgId: string,
  keyId: string,
  keyLimitNanos: bigint | null,
  lock: boolean,
): Promise<HoldCounters> {
  const accountId = await orgCreditAccountId(tx, orgId);
  const balanceQuery = tx
    .select({ balance: ledgerAccounts.balanceNanos })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.id, accountId));
  const [account] = await (lock ? balanceQuery.for("no key update") : balanceQuery);
  const active = and(eq(creditHolds.status, "active"), gt(creditHolds.expiresAt, sql`now()`));
  const [orgHeld] = await tx
    .select({ total: sql<string>`coalesce(sum(${creditHolds.amountNanos}), 0)::text` })
    .from(creditHolds)
    .where(and(eq(creditHolds.orgId, orgId), active));
  let key: HoldCounters["key"] = null;
  if (keyLimitNanos !== null) {
    const [usage] = await tx
      .select({ usage: apiKeys.usageNanos })
      .from(apiKeys)
      .where(inArray(apiKeys.id, [keyId]));
    const [keyHeld] = await tx
      .select({ total: sql<string>`coalesce(sum(${creditHolds.amountNanos}), 0)::text` })
      .from(creditHolds)
      .where(and(eq(creditHolds.keyId, keyId), active));
    key = { limit: keyLimitNanos, usage: usage?.usage ?? 0n, held: BigInt(keyHeld?.total ?? "0") };
  }
  return { balance: account?.balance ?? 0n, held: BigInt(orgHeld?.total ?? "0"), key };
}
