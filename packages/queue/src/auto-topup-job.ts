import { z } from "zod";

/** Charge an org's saved card off-session. jobId = `topup:${orgId}:${bucket}` keeps it idempotent. */
export const autoTopupJobSchema = z.object({
  orgId: z.string().min(1),
  reason: z.enum(["threshold", "manual"]),
});

export type AutoTopupJob = z.infer<typeof autoTopupJobSchema>;
