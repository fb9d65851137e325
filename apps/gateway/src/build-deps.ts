import { createDb, type DbHandle } from "@switchyard/db";
import {
  BullMqUsageSink,
  type CreditHolds,
  InlineUsageSink,
  LeasedCreditHolds,
  PostgresCreditHolds,
  RedisCreditHolds,
} from "@switchyard/ledger";
import { closeUpstreamPools } from "@switchyard/providers";
import { QUEUE_NAMES } from "@switchyard/queue";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { KeyStore } from "./auth/key-store.ts";
import { CatalogStore } from "./catalog/catalog-store.ts";
import { UpstreamResolver } from "./chat/upstream-resolver.ts";
import type { GatewayDeps, UsageSubmitter } from "./deps.ts";
import type { GatewayEnv } from "./env.ts";
import { HealthStore } from "./health/health-store.ts";
import { createLogger, type Logger } from "./observability/logger.ts";
import { OverheadHistogram } from "./observability/overhead-histogram.ts";
import { subscribeInvalidations } from "./org-settings/invalidation.ts";
import { OrgSettingsStore } from "./org-settings/org-settings-store.ts";
import { LocalRateLimiter } from "./rate-limit/local.ts";
import { RedisRateLimiter } from "./rate-limit/redis.ts";
import type { RateLimiter } from "./rate-limit/types.ts";
import { LocalStickyStore, RedisStickyStore, type StickyStore } from "./sticky/sticky-store.ts";

export interface BuiltGateway {
  deps: GatewayDeps;
  close(): Promise<void>;
}

/**
 * Real dependencies from configuration. With REDIS_URL: shared holds, rate limits, health and
 * sticky state, settlement through BullMQ. Without: the same interfaces in-process (embedded mode).
 */
export async function buildGatewayDeps(
  env: GatewayEnv,
  logger: Logger = createLogger(env.LOG_LEVEL),
): Promise<BuiltGateway> {
  const handle: DbHandle = createDb(env.DATABASE_URL, { max: 10 });
  const { db } = handle;
  const keys = new KeyStore(db);
  const orgSettings = new OrgSettingsStore(db);
  const catalog = await CatalogStore.load(db);
  catalog.startAutoRefresh((error) => logger.error({ err: error }, "catalog refresh failed"));
  const health = new HealthStore();
  const closers: (() => Promise<unknown>)[] = [];

  let holds: CreditHolds;
  let usage: UsageSubmitter & { close(): Promise<void> };
  let rateLimiter: RateLimiter;
  let sticky: StickyStore;
  if (env.REDIS_URL) {
    // Hot-path commands issued in the same tick go out as one write (auto-pipelining).
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    const queueConnection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
    const subscriber = new Redis(env.REDIS_URL);
    closers.push(
      async () => subscriber.quit(),
      async () => queueConnection.quit(),
      async () => redis.quit(),
    );
    // Requests hold credit from in-process leases: no Redis round trip in front of the upstream call.
    const leased = new LeasedCreditHolds(
      new RedisCreditHolds({ redis, db, prefix: `${env.REDIS_KEY_PREFIX}:holds:` }),
      { onError: (error) => logger.error({ err: error }, "credit lease upkeep failed") },
    );
    closers.unshift(() => leased.close());
    holds = leased;
    usage =
      env.SETTLEMENT === "inline"
        ? new InlineUsageSink(db, holds)
        : new BullMqUsageSink(
            new Queue(QUEUE_NAMES.usage, { connection: queueConnection, prefix: env.QUEUE_PREFIX }),
          );
    rateLimiter = new RedisRateLimiter(redis, env.REDIS_KEY_PREFIX);
    sticky = new RedisStickyStore(redis, env.REDIS_KEY_PREFIX);
    await subscribeInvalidations(subscriber, {
      key: (hash) => keys.invalidate(hash),
      org: (orgId) => orgSettings.invalidate(orgId),
      catalog: () =>
        void catalog.refresh().catch((error) => logger.error({ err: error }, "catalog refresh failed")),
    });
    await health.connect(redis, subscriber);
  } else {
    holds = new PostgresCreditHolds(db);
    usage = new InlineUsageSink(db, holds);
    rateLimiter = new LocalRateLimiter();
    sticky = new LocalStickyStore();
  }
  closers.unshift(() => usage.close());

  const deps: GatewayDeps = {
    db,
    keys,
    rateLimiter,
    catalog,
    orgSettings,
    health,
    sticky,
    holds,
    usage,
    upstream: new UpstreamResolver({
      providerKeys: env.providerKeys,
      ...(env.PROVIDER_SIM_URL ? { simulatorUrl: env.PROVIDER_SIM_URL } : {}),
    }),
    logger,
    overhead: new OverheadHistogram(),
    clock: Date.now,
    random: Math.random,
    config: {
      defaultRateLimitPerMinute: env.DEFAULT_RATE_LIMIT_PER_MINUTE,
      upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
      requestDeadlineMs: env.REQUEST_DEADLINE_MS,
      maxBodyBytes: env.MAX_BODY_BYTES,
      mode: env.REDIS_URL ? "redis" : "embedded",
      awaitSettlement: !env.REDIS_URL || env.SETTLEMENT === "inline",
    },
  };
  return {
    deps,
    close: async () => {
      catalog.stop();
      health.stop();
      for (const close of closers) await close().catch(() => {});
      await closeUpstreamPools();
      await handle.close();
    },
  };
}
