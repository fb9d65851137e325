import { boolean, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns.ts";
import { organizations } from "./identity.ts";

export const routingSort = pgEnum("routing_sort", ["balanced", "price", "latency", "throughput"]);

/** Provider preferences an org sets in the dashboard; every request starts from these. */
export const orgProviderPreferences = pgTable("org_provider_preferences", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  sort: routingSort("sort").notNull().default("balanced"),
  /** Provider slugs tried first, in this order. */
  order: text("order").array().notNull().default([]),
  ignoredProviders: text("ignored_providers").array().notNull().default([]),
  /** When non-empty, only these providers are used. */
  allowedProviders: text("allowed_providers").array().notNull().default([]),
  allowFallbacks: boolean("allow_fallbacks").notNull().default(true),
  updatedAt: updatedAt(),
});

/** Data-policy rules: a request may narrow these, never loosen them. */
export const orgDataPolicies = pgTable("org_data_policies", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  denyTraining: boolean("deny_training").notNull().default(false),
  denyRetention: boolean("deny_retention").notNull().default(false),
  zdrOnly: boolean("zdr_only").notNull().default(false),
  /** When non-empty, only providers in these regions are used. */
  allowedRegions: text("allowed_regions").array().notNull().default([]),
  blockedProviders: text("blocked_providers").array().notNull().default([]),
  blockedModels: text("blocked_models").array().notNull().default([]),
  updatedAt: updatedAt(),
});
