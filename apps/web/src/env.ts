import { envFields, parseEnv, z } from "@switchyard/config";

const optionalSecret = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

export const webEnvSchema = z.object({
  DATABASE_URL: envFields.databaseUrl,
  REDIS_URL: envFields.redisUrl,
  NEXTAUTH_SECRET: z.string().min(1, "NEXTAUTH_SECRET is required (any long random string)"),
  NEXTAUTH_URL: z.string().url().default("http://127.0.0.1:3000"),
  GITHUB_ID: optionalSecret,
  GITHUB_SECRET: optionalSecret,
  BILLING_URL: z.string().url().default("http://127.0.0.1:8081"),
  BILLING_INTERNAL_TOKEN: z.string().min(1).default("dev-internal-token"),
  GATEWAY_PUBLIC_URL: z.string().url().default("http://127.0.0.1:8080/api/v1"),
  WEB_PORT: envFields.port(3000),
});

export type WebEnv = z.infer<typeof webEnvSchema>;

let cached: WebEnv | undefined;

/**
 * The dashboard's configuration, parsed once on first use (not at import: `next build` imports
 * server modules without a runtime environment).
 */
export function env(): WebEnv {
  cached ??= parseEnv(webEnvSchema, process.env);
  return cached;
}
