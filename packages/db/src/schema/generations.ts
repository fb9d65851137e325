import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  json,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { createdAt, nanos } from "./columns.ts";
import { organizations } from "./identity.ts";

export const generationStatus = pgEnum("generation_status", ["success", "error", "cancelled"]);

/** One row per chat request, written by settlement. Route trace is the routing decision and every attempt. */
export const generations = pgTable(
  "generations",
  {
    id: text("id").primaryKey(),
    /**
     * No FK: a per-row foreign-key check was about a third of a generation insert's time. Settlement
     * writes each batch's generations in the same transaction as one usage transfer per org and
     * day, whose org FK checks the org once per batch, fails the batch for an unknown org and, with
     * ON DELETE restrict, keeps an org with usage from being deleted.
     */
    orgId: text("org_id").notNull(),
    /** No FK: a deleted key must not delete the history billed through it. */
    keyId: text("key_id"),
    requestedModel: text("requested_model").notNull(),
    modelId: text("model_id"),
    providerId: text("provider_id"),
    endpointId: text("endpoint_id"),
    upstreamId: text("upstream_id"),
    sessionId: text("session_id"),
    status: generationStatus("status").notNull(),
    finishReason: text("finish_reason"),
    nativeFinishReason: text("native_finish_reason"),
    streamed: boolean("streamed").notNull().default(false),
    promptTokens: integer("prompt_tokens").notNull().default(0),
    completionTokens: integer("completion_tokens").notNull().default(0),
    cachedTokens: integer("cached_tokens").notNull().default(0),
    reasoningTokens: integer("reasoning_tokens").notNull().default(0),
    costNanos: nanos("cost_nanos").notNull().default(sql`0`),
    latencyMs: integer("latency_ms").notNull().default(0),
    ttftMs: integer("ttft_ms"),
    /**
     * json, not jsonb: the trace is written with every request and only ever read whole (a
     * generation's detail), never queried into. Stored as the text it came as, it skips building
     * jsonb's binary form per row: Postgres spent 25 to 28 µs per request at maximum throughput
     * instead of 38 to 40 (docs/performance.md).
     */
    routeTrace: json("route_trace").$type<unknown>().notNull(),
    error: jsonb("error").$type<{ code: string; message: string; status: number } | null>(),
    /**
     * The usage transfer that debited this generation: settlement posts one transfer per org and
     * UTC day for each batch, written in the same transaction. No FK, because a per-row
     * foreign-key check would cost as much as the batching saves. Null for rows settled before
     * batch transfers (each has its own transfer, idempotency key `usage:<generation id>`).
     */
    ledgerTransferId: text("ledger_transfer_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("generations_org_created_idx").on(t.orgId, t.createdAt),
    index("generations_org_key_idx").on(t.orgId, t.keyId),
  ],
);

/** Hourly rollup maintained by the settlement worker; analytics read this, not generations. */
export const usageHourly = pgTable(
  "usage_hourly",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    keyId: text("key_id").notNull(),
    modelId: text("model_id").notNull(),
    providerId: text("provider_id").notNull(),
    requests: integer("requests").notNull().default(0),
    errors: integer("errors").notNull().default(0),
    promptTokens: nanos("prompt_tokens").notNull().default(sql`0`),
    completionTokens: nanos("completion_tokens").notNull().default(sql`0`),
    costNanos: nanos("cost_nanos").notNull().default(sql`0`),
    latencyMsSum: nanos("latency_ms_sum").notNull().default(sql`0`),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.hour, t.keyId, t.modelId, t.providerId] })],
);

export type UsageCounters = Pick<
  typeof usageHourly.$inferSelect,
  "requests" | "errors" | "promptTokens" | "completionTokens" | "costNanos" | "latencyMsSum"
>;

/** A rollup row's counters before any request: where its sums start, and an hour without traffic. */
export const NO_USAGE: Readonly<UsageCounters> = {
  requests: 0,
  errors: 0,
  promptTokens: 0n,
  completionTokens: 0n,
  costNanos: 0n,
  latencyMsSum: 0n,
};
