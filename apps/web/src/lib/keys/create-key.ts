import { apiKeys, generateApiKey, newId } from "@switchyard/db";
import { z } from "zod";
import { checkMembership } from "../authz/check.ts";
import { PERMISSIONS } from "../authz/permissions.ts";
import { UserError } from "../errors.ts";
import { optionalDollarsToNanos } from "../format/parse-money.ts";
import type { Scope, ServiceDeps } from "../service.ts";

export const createKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name.").max(80, "Keep the name under 80 characters."),
  creditLimitDollars: z.string().optional(),
  rateLimitPerMinute: z.string().optional(),
  /** YYYY-MM-DD; the key stops working at the end of that day (UTC). */
  expiresOn: z.string().optional(),
});

export type CreateKeyInput = z.input<typeof createKeySchema>;

export interface CreatedKey {
  id: string;
  name: string;
  prefix: string;
  /** Shown exactly once; only its hash is stored. */
  secret: string;
}

function parseRateLimit(text: string | undefined): number | null {
  const value = (text ?? "").trim();
  if (value === "") return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new UserError("Rate limit must be a whole number of requests per minute.");
  return n;
}

function parseExpiry(text: string | undefined, now: Date): Date | null {
  const value = (text ?? "").trim();
  if (value === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UserError("Expiry must be a date.");
  const end = new Date(`${value}T23:59:59.999Z`);
  if (Number.isNaN(end.getTime())) throw new UserError("Expiry must be a date.");
  if (end <= now) throw new UserError("Expiry must be in the future.");
  return end;
}

/** Creates an API key (admin). Stores hash + prefix; returns the secret once. */
export async function createKey(
  deps: ServiceDeps,
  scope: Scope,
  input: CreateKeyInput,
  now = new Date(),
): Promise<CreatedKey> {
  const { orgId, userId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageKeys);
  const parsed = createKeySchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid key settings.");
  const creditLimitNanos = optionalDollarsToNanos(parsed.data.creditLimitDollars, "Credit limit");
  const rateLimitPerMinute = parseRateLimit(parsed.data.rateLimitPerMinute);
  const expiresAt = parseExpiry(parsed.data.expiresOn, now);
  const key = generateApiKey();
  const id = newId("key");
  await deps.db.insert(apiKeys).values({
    id,
    orgId,
    name: parsed.data.name,
    keyHash: key.hash,
    prefix: key.prefix,
    creditLimitNanos,
    rateLimitPerMinute,
    expiresAt,
    createdBy: userId,
  });
  return { id, name: parsed.data.name, prefix: key.prefix, secret: key.secret };
}
