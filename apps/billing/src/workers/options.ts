import type { ConnectionOptions } from "bullmq";
import type { EventContext } from "../deps.ts";
import type { FeeSchedule } from "../fees.ts";

export interface WorkerDeps extends EventContext {
  connection: ConnectionOptions;
  /** BullMQ key prefix (tests use a unique one). */
  prefix: string;
  fees: FeeSchedule;
  usage?: {
    /** Usage records per settlement transaction (a job may carry many; the batch ends at the job that reaches it). */
    maxBatch?: number;
    maxDelayMs?: number;
    /** Settlement transactions running at once; later jobs queue up and join the next batch. */
    maxInFlight?: number;
    /** How soon a crashed worker's jobs are handed to another worker (BullMQ lock / stall check). */
    lockDurationMs?: number;
    stalledIntervalMs?: number;
  };
  /** Start only these workers (default: all). */
  only?: ("stripeEvents" | "usage" | "autoTopup" | "maintenance")[];
}
