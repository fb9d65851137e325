import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, nanos, updatedAt } from "./columns.ts";
import { organizations } from "./identity.ts";

export const stripeCustomers = pgTable("stripe_customers", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  customerId: text("customer_id").notNull().unique(),
  /** Saved card for auto top-up. */
  defaultPaymentMethodId: text("default_payment_method_id"),
  createdAt: createdAt(),
});

export const paymentKind = pgEnum("payment_kind", ["checkout", "auto_topup", "dev"]);
export const paymentStatus = pgEnum("payment_status", [
  "pending",
  "succeeded",
  "failed",
  "refunded",
  "partially_refunded",
  "disputed",
]);

export const payments = pgTable(
  "payments",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: paymentKind("kind").notNull(),
    status: paymentStatus("status").notNull().default("pending"),
    /** What the customer paid, in cents, fee included. */
    amountCents: integer("amount_cents").notNull(),
    /** Credits granted for it, in nano-dollars. */
    creditNanos: nanos("credit_nanos").notNull(),
    feeNanos: nanos("fee_nanos").notNull().default(sql`0`),
    stripeCheckoutSessionId: text("stripe_checkout_session_id").unique(),
    stripePaymentIntentId: text("stripe_payment_intent_id").unique(),
    stripeChargeId: text("stripe_charge_id"),
    failureMessage: text("failure_message"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("payments_org_idx").on(t.orgId, t.createdAt)],
);

export const autoTopupSettings = pgTable("auto_topup_settings", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(false),
  thresholdNanos: nanos("threshold_nanos").notNull(),
  amountCents: integer("amount_cents").notNull(),
  lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
  lastError: text("last_error"),
  updatedAt: updatedAt(),
});
