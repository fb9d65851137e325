import { type Database, ledgerAccounts, ledgerEntries, ledgerTransfers, newId } from "@switchyard/db";
import { eq, sql } from "drizzle-orm";

export type TransferKind = (typeof ledgerTransfers.$inferInsert)["kind"];
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface TransferInput {
  idempotencyKey: string;
  kind: TransferKind;
  orgId: string | null;
  description: string;
  metadata?: Record<string, unknown>;
  /** Entries must sum to zero. Positive amounts raise an account's balance. */
  entries: { accountId: string; amountNanos: bigint }[];
}

export type TransferResult = { applied: true; transferId: string } | { applied: false; transferId: string };

export class UnbalancedTransferError extends Error {}

/**
 * Appends one balanced transfer inside the caller's transaction and updates the cached balances.
 * Replaying the same idempotency key is a no-op that reports the original transfer.
 */
export async function postTransfer(tx: Transaction, input: TransferInput): Promise<TransferResult> {
  const sum = input.entries.reduce((acc, entry) => acc + entry.amountNanos, 0n);
  if (sum !== 0n) throw new UnbalancedTransferError(`Transfer ${input.idempotencyKey} sums to ${sum}, not 0`);
  const transferId = newId("txn");
  const inserted = await tx
    .insert(ledgerTransfers)
    .values({
      id: transferId,
      idempotencyKey: input.idempotencyKey,
      kind: input.kind,
      orgId: input.orgId,
      description: input.description,
      metadata: input.metadata ?? {},
    })
    .onConflictDoNothing({ target: ledgerTransfers.idempotencyKey })
    .returning({ id: ledgerTransfers.id });
  if (inserted.length === 0) {
    const [existing] = await tx
      .select({ id: ledgerTransfers.id })
      .from(ledgerTransfers)
      .where(eq(ledgerTransfers.idempotencyKey, input.idempotencyKey));
    return { applied: false, transferId: existing?.id ?? "" };
  }
  const entries = input.entries.filter((entry) => entry.amountNanos !== 0n);
  if (entries.length > 0) {
    await tx
      .insert(ledgerEntries)
      .values(entries.map((e) => ({ transferId, accountId: e.accountId, amountNanos: e.amountNanos })));
    // Lock order by account id (byte order, as Postgres `collate "C"`) keeps concurrent transfers from deadlocking.
    for (const entry of [...entries].sort((a, b) => compareIds(a.accountId, b.accountId))) {
      await tx
        .update(ledgerAccounts)
        .set({ balanceNanos: sql`${ledgerAccounts.balanceNanos} + ${entry.amountNanos}` })
        .where(eq(ledgerAccounts.id, entry.accountId));
    }
  }
  return { applied: true, transferId };
}

/** Byte-order comparison matching Postgres `order by id collate "C"`; every lock taker uses it. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
