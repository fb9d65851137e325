import { serve } from "@hono/node-server";
import { createDb } from "@switchyard/db";
import { type CreditHolds, PostgresCreditHolds, RedisCreditHolds } from "@switchyard/ledger";
import { connectionFromUrl, createQueue, QUEUE_NAMES } from "@switchyard/queue";
import { Redis } from "ioredis";
import { pino } from "pino";
import Stripe from "stripe";
import { createApp } from "./app.ts";
import { loadBillingEnv } from "./env.ts";
import { applyStripeEventsInline, enqueueStripeEvents } from "./stripe-events/submit.ts";
import { startWorkers } from "./workers.ts";

const env = loadBillingEnv();
const logger = pino({ level: env.LOG_LEVEL, base: { service: "billing" } });
const handle = createDb(env.DATABASE_URL);
const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: null }) : null;
const holds: CreditHolds = redis
  ? new RedisCreditHolds({ db: handle.db, redis, prefix: `${env.REDIS_KEY_PREFIX}:holds:` })
  : new PostgresCreditHolds(handle.db);
const stripe = env.STRIPE_SECRET_KEY
  ? new Stripe(env.STRIPE_SECRET_KEY, {
      ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
      ...(env.STRIPE_API_PORT ? { port: env.STRIPE_API_PORT } : {}),
      ...(env.STRIPE_API_PROTOCOL ? { protocol: env.STRIPE_API_PROTOCOL } : {}),
    })
  : null;
const fees = { percentBps: env.CREDIT_FEE_PERCENT, minCents: env.CREDIT_FEE_MIN_CENTS };
const connection = env.REDIS_URL ? connectionFromUrl(env.REDIS_URL) : null;
const eventsQueue = connection ? createQueue(QUEUE_NAMES.stripeEvents, connection, env.QUEUE_PREFIX) : null;
const ctx = { db: handle.db, holds, stripe, logger };

const app = createApp({
  ...ctx,
  webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null,
  internalToken: env.BILLING_INTERNAL_TOKEN,
  fees,
  publicUrl: env.PUBLIC_BILLING_URL,
  submitStripeEvent: eventsQueue ? enqueueStripeEvents(eventsQueue) : applyStripeEventsInline(ctx),
  devCheckouts: new Map(),
});

const workers = connection
  ? await startWorkers({ ...ctx, connection, prefix: env.QUEUE_PREFIX, fees })
  : null;
const server = serve({ fetch: app.fetch, port: env.BILLING_PORT, hostname: env.BILLING_HOST }, (info) => {
  logger.info(
    {
      url: `http://${info.address}:${info.port}`,
      stripe: stripe ? "configured" : "dev payment page",
      queue: connection ? "bullmq" : "inline",
    },
    "billing listening",
  );
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "billing shutting down");
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await workers?.close();
  await eventsQueue?.close();
  redis?.disconnect();
  await handle.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
