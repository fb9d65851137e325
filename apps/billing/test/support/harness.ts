import { createDb, type DbHandle, randomToken } from "@switchyard/db";
import { testDatabaseUrl, testRedisUrl } from "@switchyard/db/testing";
import { type CreditHolds, PostgresCreditHolds, RedisCreditHolds } from "@switchyard/ledger";
import { connectionFromUrl, QUEUE_NAMES } from "@switchyard/queue";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import Stripe from "stripe";
import { createApp } from "../../src/app.ts";
import type { BillingDeps } from "../../src/deps.ts";
import { applyStripeEventsInline, enqueueStripeEvents } from "../../src/stripe-events/submit.ts";
import { type RunningWorkers, startWorkers, type WorkerDeps } from "../../src/workers.ts";
import { type StripeFake, startStripeFake } from "./stripe-fake.ts";

export const INTERNAL_TOKEN = "test-internal-token-0123456789";
export const WEBHOOK_SECRET = "whsec_test_switchyard";
export const FEES = { percentBps: 550, minCents: 80 };

export interface Harness {
  handle: DbHandle;
  redis: Redis;
  holds: CreditHolds;
  holdsPrefix: string;
  queuePrefix: string;
  connection: ReturnType<typeof connectionFromUrl>;
  stripe: Stripe | null;
  fake: StripeFake | null;
  deps: BillingDeps;
  app: ReturnType<typeof createApp>;
  queue(name: (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES]): Queue;
  startWorkers(options?: Partial<WorkerDeps>): Promise<RunningWorkers>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { stripe?: boolean; holds?: "redis" | "postgres"; inlineEvents?: boolean } = {},
): Promise<Harness> {
  const handle = createDb(testDatabaseUrl(), { max: 12 });
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  const id = randomToken(10);
  const holdsPrefix = `test:billing:${id}:holds:`;
  const queuePrefix = `test:billing:${id}:bull`;
  const connection = connectionFromUrl(testRedisUrl());
  const holds =
    options.holds === "postgres"
      ? new PostgresCreditHolds(handle.db)
      : new RedisCreditHolds({ db: handle.db, redis, prefix: holdsPrefix });
  const fake = options.stripe === false ? null : await startStripeFake();
  const stripe = fake
    ? new Stripe("sk_test_fake", { host: fake.host, port: fake.port, protocol: "http", maxNetworkRetries: 0 })
    : null;
  const logger = pino({ level: "silent" });
  const queues = new Map<string, Queue>();
  const queue = (name: string) => {
    const existing = queues.get(name);
    if (existing) return existing;
    const created = new Queue(name, { connection, prefix: queuePrefix });
    queues.set(name, created);
    return created;
  };
  const ctx = { db: handle.db, holds, stripe, logger };
  const deps: BillingDeps = {
    ...ctx,
    webhookSecret: stripe ? WEBHOOK_SECRET : null,
    internalToken: INTERNAL_TOKEN,
    fees: FEES,
    publicUrl: "http://billing.test",
    submitStripeEvent: options.inlineEvents
      ? applyStripeEventsInline(ctx)
      : enqueueStripeEvents(queue(QUEUE_NAMES.stripeEvents), 100),
    devCheckouts: new Map(),
  };
  const running: RunningWorkers[] = [];
  return {
    handle,
    redis,
    holds,
    holdsPrefix,
    queuePrefix,
    connection,
    stripe,
    fake,
    deps,
    app: createApp(deps),
    queue,
    async startWorkers(extra = {}) {
      const workers = await startWorkers({ ...ctx, connection, prefix: queuePrefix, fees: FEES, ...extra });
      running.push(workers);
      return workers;
    },
    async close() {
      await Promise.all(running.map((w) => w.close(true)));
      await Promise.all([...queues.values()].map((q) => q.close()));
      const keys = await redis.keys(`test:billing:${id}:*`);
      for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
      redis.disconnect();
      await fake?.close();
      await handle.close();
    },
  };
}

export function internalHeaders(): Record<string, string> {
  return { authorization: `Bearer ${INTERNAL_TOKEN}`, "content-type": "application/json" };
}

/** Polls until `check` holds or the deadline passes (no sleeps for synchronisation). */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met before the deadline");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
