import type { JobsOptions } from "bullmq";
import { z } from "zod";
import { QUEUE_NAMES } from "./names.ts";

const bigintString = z.string().regex(/^-?\d+$/, "integer string");

/**
 * One settled request. jobId = generationId, so a retried enqueue never bills twice.
 * Money travels as decimal strings of nano-dollars (JSON has no bigint).
 */
export const usageJobSchema = z.object({
  generationId: z.string().startsWith("gen_"),
  orgId: z.string(),
  keyId: z.string().nullable(),
  requestedModel: z.string(),
  modelId: z.string().nullable(),
  providerId: z.string().nullable(),
  endpointId: z.string().nullable(),
  upstreamId: z.string().nullable(),
  sessionId: z.string().nullable(),
  status: z.enum(["success", "error", "cancelled"]),
  finishReason: z.string().nullable(),
  nativeFinishReason: z.string().nullable(),
  streamed: z.boolean(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  cachedTokens: z.number().int().nonnegative(),
  reasoningTokens: z.number().int().nonnegative(),
  costNanos: bigintString,
  latencyMs: z.number().int().nonnegative(),
  ttftMs: z.number().int().nonnegative().nullable(),
  routeTrace: z.unknown(),
  error: z.object({ code: z.string(), message: z.string(), status: z.number().int() }).nullable(),
  createdAt: z.string().datetime(),
  /** The gateway lease the request's credit hold was taken from (LeasedCreditHolds), if any. */
  holdLease: z.string().nullish(),
});

export type UsageJob = z.infer<typeof usageJobSchema>;

/**
 * What the gateway enqueues: the usage records that finished within its sink's window, in one job
 * (jobId `usage_<first generation id>`). Settlement skips a replayed record by its generation id,
 * so a retried job never bills twice. A job carrying one bare UsageJob is also settled.
 */
export const usageBatchJobSchema = z.object({ usage: z.array(usageJobSchema).min(1) });

export type UsageBatchJob = z.infer<typeof usageBatchJobSchema>;

/** Retries and retention of usage jobs: ten attempts with backoff; completed jobs are dropped. */
export const USAGE_JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: { count: 10_000 },
  attempts: 10,
  backoff: { type: "exponential", delay: 500 },
} satisfies JobsOptions;

/** A BullMQ job for `addBulk`: the records of one sink window, or one record on its own. */
export interface UsageQueueJob {
  name: typeof QUEUE_NAMES.usage;
  data: UsageBatchJob | UsageJob;
  opts: JobsOptions & { jobId: string };
}

/** The job the gateway's sink enqueues for the records that finished within its window. */
export function usageBatchQueueJob(records: UsageJob[]): UsageQueueJob {
  return {
    name: QUEUE_NAMES.usage,
    data: { usage: records },
    opts: { ...USAGE_JOB_OPTIONS, jobId: `usage_${records[0]?.generationId}` },
  };
}

/** A job for one record alone (jobId = generation id), as a record that failed in a batch gets. */
export function usageRecordQueueJob(record: UsageJob): UsageQueueJob {
  return {
    name: QUEUE_NAMES.usage,
    data: record,
    opts: { ...USAGE_JOB_OPTIONS, jobId: record.generationId },
  };
}

/** How many usage records a queued job carries, without validating them (a malformed job counts 1). */
export function usageRecordCount(data: unknown): number {
  const usage = (data as { usage?: unknown } | null)?.usage;
  return Array.isArray(usage) ? Math.max(1, usage.length) : 1;
}

/** The usage records a queued job carries (a batch or one bare record), or null when malformed. */
export function usageRecordsOf(data: unknown): UsageJob[] | null {
  if (typeof data === "object" && data !== null && "usage" in data) {
    const batch = usageBatchJobSchema.safeParse(data);
    return batch.success ? batch.data.usage : null;
  }
  const single = usageJobSchema.safeParse(data);
  return single.success ? [single.data] : null;
}
