import { ledgerEntries, ledgerTransfers } from "@switchyard/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { orgCreditAccountId, platformAccountId } from "./accounts.ts";
import { postTransfer, type Transaction, type TransferResult } from "./transfers.ts";

export interface CreditPurchaseInput {
  orgId: string;
  paymentId: string;
  idempotencyKey: string;
  creditNanos: bigint;
  feeNanos: bigint;
  kind: "purchase" | "auto_topup";
  description?: string;
}

/** Money received: stripe_clearing -(credit+fee), org credits +credit, fees +fee. Idempotent per key. */
export async function creditPurchase(tx: Transaction, input: CreditPurchaseInput): Promise<TransferResult> {
  if (input.creditNanos <= 0n || input.feeNanos < 0n) throw new RangeError("credit must be > 0 and fee >= 0");
  const [org, clearing, fees] = await Promise.all([
    orgCreditAccountId(tx, input.orgId),
    platformAccountId(tx, "stripe_clearing"),
    platformAccountId(tx, "fees"),
  ]);
  return postTransfer(tx, {
    idempotencyKey: input.idempotencyKey,
    kind: input.kind,
    orgId: input.orgId,
    description: input.description ?? (input.kind === "auto_topup" ? "Auto top-up" : "Credit purchase"),
    metadata: {
      paymentId: input.paymentId,
      creditNanos: `${input.creditNanos}`,
      feeNanos: `${input.feeNanos}`,
    },
    entries: [
      { accountId: clearing, amountNanos: -(input.creditNanos + input.feeNanos) },
      { accountId: org, amountNanos: input.creditNanos },
      { accountId: fees, amountNanos: input.feeNanos },
    ],
  });
}

export interface ClawBackInput {
  orgId: string;
  paymentId: string;
  /** One per refund / dispute id, so a redelivered event claws back once. */
  idempotencyKey: string;
  kind: "refund" | "dispute";
  /** Credits to take back; capped so a payment never loses more than it granted. */
  amountNanos: bigint;
  description?: string;
}

export type ClawBackResult = TransferResult & { clawedBackNanos: bigint };

/** Credits already taken back from a payment by refunds and disputes (positive number). */
export async function clawedBackNanos(
  tx: Transaction,
  orgId: string,
  paymentId: string,
  kinds: ("refund" | "dispute")[] = ["refund", "dispute"],
): Promise<bigint> {
  const account = await orgCreditAccountId(tx, orgId);
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountNanos}), 0)::text` })
    .from(ledgerEntries)
    .innerJoin(ledgerTransfers, eq(ledgerTransfers.id, ledgerEntries.transferId))
    .where(
      and(
        eq(ledgerEntries.accountId, account),
        inArray(ledgerTransfers.kind, kinds),
        sql`${ledgerTransfers.metadata}->>'paymentId' = ${paymentId}`,
      ),
    );
  return -BigInt(row?.total ?? "0");
}

/**
 * Refund or dispute: org credits -amount, stripe_clearing +amount. The balance may go negative.
 * Callers serialise per payment (lock the payments row) so the cap below is exact.
 */
export async function clawBackPurchase(
  tx: Transaction,
  input: ClawBackInput & { creditNanos: bigint },
): Promise<ClawBackResult> {
  const already = await clawedBackNanos(tx, input.orgId, input.paymentId);
  const remaining = input.creditNanos - already;
  const amount = input.amountNanos < remaining ? input.amountNanos : remaining > 0n ? remaining : 0n;
  const [org, clearing] = await Promise.all([
    orgCreditAccountId(tx, input.orgId),
    platformAccountId(tx, "stripe_clearing"),
  ]);
  const result = await postTransfer(tx, {
    idempotencyKey: input.idempotencyKey,
    kind: input.kind,
    orgId: input.orgId,
    description: input.description ?? (input.kind === "refund" ? "Refund" : "Dispute"),
    metadata: { paymentId: input.paymentId, amountNanos: `${amount}` },
    entries: [
      { accountId: org, amountNanos: -amount },
      { accountId: clearing, amountNanos: amount },
    ],
  });
  return { ...result, clawedBackNanos: result.applied ? amount : 0n };
}

/** Credits matching a partial amount of a payment: floor(credit * part / total). */
export function proRataNanos(creditNanos: bigint, partCents: number, totalCents: number): bigint {
  if (totalCents <= 0) return 0n;
  const part = BigInt(Math.min(Math.max(partCents, 0), totalCents));
  return (creditNanos * part) / BigInt(totalCents);
}
