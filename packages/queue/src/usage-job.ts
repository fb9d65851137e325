import { z } from "zod";

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
