import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys.ts";
import { createdAt, nanos } from "./columns.ts";
import { organizations } from "./identity.ts";

export const ledgerAccountKind = pgEnum("ledger_account_kind", [
  "org_credits",
  "platform_revenue",
  "stripe_clearing",
  "fees",
  "promotions",
]);

export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: text("id").primaryKey(),
    kind: ledgerAccountKind("kind").notNull(),
    /** Set for `org_credits`; null for platform accounts. */
    orgId: text("org_id").references(() => organizations.id, { onDelete: "restrict" }),
    /** Cached sum of this account's entries, updated in the same transaction as each entry. */
    balanceNanos: nanos("balance_nanos").notNull().default(sql`0`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ledger_accounts_org_kind_uq").on(t.kind, t.orgId),
    uniqueIndex("ledger_accounts_platform_kind_uq").on(t.kind).where(sql`${t.orgId} is null`),
  ],
);

export const ledgerTransferKind = pgEnum("ledger_transfer_kind", [
  "purchase",
  "usage",
  "refund",
  "dispute",
  "auto_topup",
  "promotion",
  "adjustment",
]);

/** One balanced movement of money. Append-only; the idempotency key makes replays no-ops. */
export const ledgerTransfers = pgTable(
  "ledger_transfers",
  {
    id: text("id").primaryKey(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: ledgerTransferKind("kind").notNull(),
    orgId: text("org_id").references(() => organizations.id, { onDelete: "restrict" }),
    description: text("description").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("ledger_transfers_org_created_idx").on(t.orgId, t.createdAt)],
);

/** Entries of one transfer sum to zero. Positive amounts increase an account's balance. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    transferId: text("transfer_id")
      .notNull()
      .references(() => ledgerTransfers.id, { onDelete: "restrict" }),
    accountId: text("account_id")
      .notNull()
      .references(() => ledgerAccounts.id, { onDelete: "restrict" }),
    amountNanos: nanos("amount_nanos").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("ledger_entries_account_idx").on(t.accountId),
    index("ledger_entries_transfer_idx").on(t.transferId),
  ],
);

export const holdStatus = pgEnum("hold_status", ["active", "settled", "released", "expired"]);

/** Credit reserved for an in-flight request (Postgres implementation; Redis mirrors it when present). */
export const creditHolds = pgTable(
  "credit_holds",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    keyId: text("key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    generationId: text("generation_id").notNull().unique(),
    amountNanos: nanos("amount_nanos").notNull(),
    status: holdStatus("status").notNull().default("active"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("credit_holds_org_status_idx").on(t.orgId, t.status)],
);
