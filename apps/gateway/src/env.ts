import { envFields, parseEnv, z } from "@switchyard/config";

const schema = z
  .object({
    DATABASE_URL: envFields.databaseUrl,
    REDIS_URL: envFields.redisUrl,
    GATEWAY_PORT: envFields.port(8080),
    GATEWAY_HOST: envFields.host,
    /** Gateway processes sharing the port (node:cluster); more than one needs REDIS_URL. */
    GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    LOG_LEVEL: envFields.logLevel,
    /** When set, every provider's base URL is redirected to the simulator at this URL. */
    PROVIDER_SIM_URL: z.string().url().optional(),
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    REQUEST_DEADLINE_MS: z.coerce.number().int().positive().default(120_000),
    DEFAULT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(4 * 1024 * 1024),
    QUEUE_PREFIX: z.string().default("sy"),
    /** With Redis: `queue` hands usage to the billing worker through BullMQ; `inline` settles in-process. */
    SETTLEMENT: z.enum(["queue", "inline"]).default("queue"),
    REDIS_KEY_PREFIX: z.string().default("sy"),
  })
  .refine((env) => env.GATEWAY_WORKERS === 1 || env.REDIS_URL !== undefined, {
    // Without Redis, rate limits are per process: N workers would allow N times the limit.
    path: ["GATEWAY_WORKERS"],
    message: "more than one worker needs REDIS_URL (rate limits and credit holds must be shared)",
  });

export type GatewayEnv = z.infer<typeof schema> & {
  /** Platform keys per provider id, from PROVIDER_API_KEY_<ID> (dashes as underscores). */
  providerKeys: Record<string, string>;
};

export function loadGatewayEnv(source: Record<string, string | undefined> = process.env): GatewayEnv {
  const parsed = parseEnv(schema, source);
  const providerKeys: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (!name.startsWith("PROVIDER_API_KEY_") || !value) continue;
    providerKeys[name.slice("PROVIDER_API_KEY_".length).toLowerCase().replaceAll("_", "-")] = value;
  }
  return { ...parsed, providerKeys };
}
