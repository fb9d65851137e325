import { apiKeys, type Database } from "@switchyard/db";
import { desc, eq } from "drizzle-orm";

export type KeyRow = Awaited<ReturnType<typeof listKeys>>[number];

/** The org's keys, newest first. Never selects the hash. */
export async function listKeys(db: Pick<Database, "select">, orgId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      usageNanos: apiKeys.usageNanos,
      creditLimitNanos: apiKeys.creditLimitNanos,
      rateLimitPerMinute: apiKeys.rateLimitPerMinute,
      disabled: apiKeys.disabled,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      createdAt: apiKeys.createdAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(desc(apiKeys.createdAt));
}
