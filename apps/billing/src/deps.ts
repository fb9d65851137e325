import type { Database } from "@switchyard/db";
import type { CreditHolds } from "@switchyard/ledger";
import type { StripeEventJob } from "@switchyard/queue";
import type Stripe from "stripe";
import type { FeeSchedule } from "./fees.ts";
import type { Logger } from "./logger.ts";

export interface DevCheckoutUrls {
  successUrl: string;
  cancelUrl: string;
}

export interface BillingDeps {
  db: Database;
  holds: CreditHolds;
  /** Null in the embedded default: checkout then goes through the development payment page. */
  stripe: Stripe | null;
  webhookSecret: string | null;
  internalToken: string;
  fees: FeeSchedule;
  /** Base URL of this service as the browser sees it (dev checkout links). */
  publicUrl: string;
  logger: Logger;
  /** Enqueues a verified Stripe event (BullMQ, jobId = event id) or applies it inline without Redis. */
  submitStripeEvent(job: StripeEventJob): Promise<void>;
  /** Where a dev checkout returns to; kept in memory (dev only). */
  devCheckouts: Map<string, DevCheckoutUrls>;
}

/** What the Stripe event appliers and workers need. */
export type EventContext = Pick<BillingDeps, "db" | "holds" | "stripe" | "logger">;
