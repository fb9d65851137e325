import { boolean, index, integer, pgEnum, pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, nanos } from "./columns.ts";

export const apiFormat = pgEnum("api_format", ["openai", "anthropic", "gemini", "openai_compatible"]);

export const providers = pgTable("providers", {
  /** Routing slug, lowercase: `openai`, `deepinfra`, `google-vertex`. */
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  apiFormat: apiFormat("api_format").notNull(),
  baseUrl: text("base_url").notNull(),
  trainsOnPrompts: boolean("trains_on_prompts").notNull().default(false),
  retainsPrompts: boolean("retains_prompts").notNull().default(false),
  retentionDays: integer("retention_days"),
  zdr: boolean("zdr").notNull().default(false),
  /** Where inference runs: `us`, `eu`, ... */
  region: text("region").notNull().default("us"),
  headquarters: text("headquarters"),
  privacyPolicyUrl: text("privacy_policy_url"),
  createdAt: createdAt(),
});

export const models = pgTable("models", {
  /** `author/slug`, e.g. `openai/gpt-4o`. */
  id: text("id").primaryKey(),
  author: text("author").notNull(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  contextLength: integer("context_length").notNull(),
  inputModalities: text("input_modalities").array().notNull().default(["text"]),
  outputModalities: text("output_modalities").array().notNull().default(["text"]),
  tokenizer: text("tokenizer").notNull().default("Other"),
  createdAt: createdAt(),
});

/** One model served by one provider, with that provider's prices and limits. */
export const endpoints = pgTable(
  "endpoints",
  {
    id: text("id").primaryKey(),
    modelId: text("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    providerId: text("provider_id")
      .notNull()
      .references(() => providers.id, { onDelete: "cascade" }),
    /** The model name the upstream API expects. */
    upstreamModel: text("upstream_model").notNull(),
    /** Prices in nano-dollars per token. */
    inputPriceNanos: nanos("input_price_nanos").notNull(),
    outputPriceNanos: nanos("output_price_nanos").notNull(),
    cacheReadPriceNanos: nanos("cache_read_price_nanos"),
    contextLength: integer("context_length").notNull(),
    maxOutputTokens: integer("max_output_tokens").notNull(),
    quantization: text("quantization").notNull().default("unknown"),
    supportedParameters: text("supported_parameters").array().notNull().default([]),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    unique("endpoints_model_provider_uq").on(t.modelId, t.providerId),
    index("endpoints_model_idx").on(t.modelId),
  ],
);
