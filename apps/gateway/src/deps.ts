import type { Database } from "@switchyard/db";
import type { CreditHolds } from "@switchyard/ledger";
import type { UsageJob } from "@switchyard/queue";
import type { KeyStore } from "./auth/key-store.ts";
import type { CatalogStore } from "./catalog/catalog-store.ts";
import type { UpstreamResolver } from "./chat/upstream-resolver.ts";
import type { HealthStore } from "./health/health-store.ts";
import type { Logger } from "./observability/logger.ts";
import type { OverheadHistogram } from "./observability/overhead-histogram.ts";
import type { OrgSettingsStore } from "./org-settings/org-settings-store.ts";
import type { RateLimiter } from "./rate-limit/types.ts";
import type { StickyStore } from "./sticky/sticky-store.ts";

/** Where finished requests go to be billed: BullMQ to the billing worker, or inline in embedded mode. */
export interface UsageSubmitter {
  submit(job: UsageJob): Promise<void>;
}

export interface GatewayConfig {
  defaultRateLimitPerMinute: number;
  upstreamTimeoutMs: number;
  requestDeadlineMs: number;
  maxBodyBytes: number;
  /** "redis" or "embedded", reported by /health */
  mode: string;
  /**
   * Wait for settlement before answering. Inline settlement (embedded mode) is awaited so the
   * generation is queryable as soon as the reply arrives; a queued job is handed off in the
   * background, the credit hold covering the request until the worker settles it.
   */
  awaitSettlement: boolean;
}

export interface GatewayDeps {
  db: Database;
  keys: KeyStore;
  rateLimiter: RateLimiter;
  catalog: CatalogStore;
  orgSettings: OrgSettingsStore;
  health: HealthStore;
  sticky: StickyStore;
  holds: CreditHolds;
  usage: UsageSubmitter;
  upstream: UpstreamResolver;
  logger: Logger;
  overhead: OverheadHistogram;
  clock: () => number;
  random: () => number;
  config: GatewayConfig;
}
