import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, nanos } from "./columns.ts";
import { organizations, users } from "./identity.ts";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 hex of the full secret; the secret itself is never stored. */
    keyHash: text("key_hash").notNull().unique(),
    /** First characters of the secret, shown in lists (`sk-sy-v1-ab12…`). */
    prefix: text("prefix").notNull(),
    /** Lifetime spend cap for this key; null means only the org balance limits it. */
    creditLimitNanos: nanos("credit_limit_nanos"),
    /** Spend through this key so far (maintained by settlement). */
    usageNanos: nanos("usage_nanos").notNull().default(sql`0`),
    /** Requests per minute; null means the platform default. */
    rateLimitPerMinute: integer("rate_limit_per_minute"),
    disabled: boolean("disabled").notNull().default(false),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("api_keys_org_idx").on(t.orgId)],
);
