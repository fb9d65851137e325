import { z } from "zod";

export { z };

export class EnvError extends Error {}

/**
 * Parses an env source with a zod schema once at boot. Throws one error listing every problem,
 * so a misconfigured deploy is fixed in one round.
 */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined>,
): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  - ${issue.path.join(".") || "(root)"}: ${issue.message}`,
  );
  throw new EnvError(`Invalid configuration:\n${problems.join("\n")}`);
}

/** Reusable fields shared by the apps' env schemas. */
export const envFields = {
  databaseUrl: z.string().url().describe("PostgreSQL connection string"),
  redisUrl: z.string().url().optional().describe("Redis connection string; absent means in-process mode"),
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  host: z.string().default("127.0.0.1"),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  nodeEnv: z.enum(["development", "production", "test"]).default("development"),
};

export * from "./money.ts";
