import { envFields, parseEnv, z } from "@switchyard/config";

const percent = z
  .string()
  .regex(/^\d{1,2}(\.\d{1,2})?$/, "a percentage with at most two decimals, e.g. 5.5")
  .default("5.5")
  .transform((value) => {
    const [whole = "0", frac = ""] = value.split(".");
    return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  });

export const billingEnvSchema = z
  .object({
    DATABASE_URL: envFields.databaseUrl,
    REDIS_URL: envFields.redisUrl,
    BILLING_PORT: envFields.port(8081),
    BILLING_HOST: envFields.host,
    BILLING_INTERNAL_TOKEN: z.string().min(16, "at least 16 characters"),
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    STRIPE_API_HOST: z.string().min(1).optional(),
    STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
    PUBLIC_BILLING_URL: z.string().url().default("http://127.0.0.1:8081"),
    /** Fee percentage shown to the user; parsed into basis points (5.5 -> 550), never a float. */
    CREDIT_FEE_PERCENT: percent,
    CREDIT_FEE_MIN_CENTS: z.coerce.number().int().min(0).default(80),
    /** Must match the gateway's QUEUE_PREFIX (same BullMQ queues). */
    QUEUE_PREFIX: z.string().min(1).default("sy"),
    /** Must match the gateway's REDIS_KEY_PREFIX: billing settles the holds the gateway reserved. */
    REDIS_KEY_PREFIX: z.string().min(1).default("sy"),
    LOG_LEVEL: envFields.logLevel,
  })
  .refine((env) => !env.STRIPE_SECRET_KEY || env.STRIPE_WEBHOOK_SECRET, {
    message: "STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set",
    path: ["STRIPE_WEBHOOK_SECRET"],
  });

export type BillingEnv = z.infer<typeof billingEnvSchema>;

export function loadBillingEnv(source: Record<string, string | undefined> = process.env): BillingEnv {
  return parseEnv(billingEnvSchema, source);
}
