import { type Database, ledgerAccounts, ledgerEntries } from "@switchyard/db";
import { eq, inArray, sql } from "drizzle-orm";

export interface DriftedAccount {
  accountId: string;
  cached: bigint;
  derived: bigint;
}

export interface ReconcileReport {
  ok: boolean;
  driftedAccounts: DriftedAccount[];
  /** Sum of every entry in the ledger; double entry means it is always 0. */
  globalSum: bigint;
  /** Transfers whose entries do not sum to zero (should never exist). */
  unbalancedTransfers: string[];
}

/**
 * Checks the ledger against itself in one consistent snapshot: each account's cached balance equals
 * the sum of its entries, every transfer balances and all entries sum to zero. `orgIds` narrows the
 * per-account check (the global checks always cover everything).
 */
export async function reconcileLedger(
  db: Database,
  options: { orgIds?: string[] } = {},
): Promise<ReconcileReport> {
  return db.transaction(
    async (tx) => {
      const derived = tx
        .select({
          accountId: ledgerEntries.accountId,
          total: sql<string>`sum(${ledgerEntries.amountNanos})`.as("total"),
        })
        .from(ledgerEntries)
        .groupBy(ledgerEntries.accountId)
        .as("derived");
      const base = tx
        .select({
          accountId: ledgerAccounts.id,
          cached: sql<string>`${ledgerAccounts.balanceNanos}::text`,
          derived: sql<string>`coalesce(${derived.total}, 0)::text`,
        })
        .from(ledgerAccounts)
        .leftJoin(derived, eq(derived.accountId, ledgerAccounts.id));
      const rows = await (options.orgIds
        ? base.where(
            sql`${ledgerAccounts.balanceNanos} <> coalesce(${derived.total}, 0) and ${inArray(ledgerAccounts.orgId, options.orgIds.length > 0 ? options.orgIds : [""])}`,
          )
        : base.where(sql`${ledgerAccounts.balanceNanos} <> coalesce(${derived.total}, 0)`));
      const [sum] = await tx
        .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountNanos}), 0)::text` })
        .from(ledgerEntries);
      const unbalanced = await tx
        .select({ transferId: ledgerEntries.transferId })
        .from(ledgerEntries)
        .groupBy(ledgerEntries.transferId)
        .having(sql`sum(${ledgerEntries.amountNanos}) <> 0`);
      const driftedAccounts = rows.map((r) => ({
        accountId: r.accountId,
        cached: BigInt(r.cached),
        derived: BigInt(r.derived),
      }));
      const globalSum = BigInt(sum?.total ?? "0");
      const unbalancedTransfers = unbalanced.map((u) => u.transferId);
      return {
        ok: driftedAccounts.length === 0 && globalSum === 0n && unbalancedTransfers.length === 0,
        driftedAccounts,
        globalSum,
        unbalancedTransfers,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
