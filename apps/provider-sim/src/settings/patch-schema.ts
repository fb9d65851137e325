import { z } from "zod";

const nonNegative = z.number().finite().min(0);
const rate = z.number().min(0).max(1);
/** `null` clears an optional setting. */
const optionalCount = z.number().int().min(0).nullable();

/** A partial settings update as accepted by `PUT /__admin/providers/:providerId`. */
export const settingsPatchSchema = z.strictObject({
  latencyMs: nonNegative.optional(),
  ttftMs: nonNegative.optional(),
  tokensPerSecond: nonNegative.optional(),
  chunkCount: z.number().int().min(1).nullable().optional(),
  fixedResponse: z.string().nullable().optional(),
  errorRate: rate.optional(),
  errorStatus: z.number().int().min(400).max(599).optional(),
  rateLimitRate: rate.optional(),
  retryAfterSeconds: nonNegative.optional(),
  hang: z.boolean().optional(),
  disconnectAfterChunks: optionalCount.optional(),
});

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
