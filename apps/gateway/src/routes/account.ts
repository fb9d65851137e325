import { nanosToDollarNumber } from "@switchyard/config";
import { apiKeys, ledgerAccounts, ledgerEntries, ledgerTransfers } from "@switchyard/db";
import { and, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { requireKey } from "../auth/require-key.ts";
import type { GatewayDeps } from "../deps.ts";
import type { GatewayEnv } from "../hono-env.ts";

/** `GET /key` (this key's limit, usage, rate limit) and `GET /credits` (the org's totals). */
export function accountRoutes(deps: GatewayDeps) {
  return new Hono<GatewayEnv>()
    .get("/key", requireKey(deps, { rateLimited: false }), async (c) => {
      const key = c.var.key;
      const [row] = await deps.db
        .select({ usage: apiKeys.usageNanos, lastUsedAt: apiKeys.lastUsedAt })
        .from(apiKeys)
        .where(and(eq(apiKeys.id, key.keyId), eq(apiKeys.orgId, key.orgId)));
      const usage = row?.usage ?? 0n;
      const limit = key.creditLimitNanos;
      return c.json({
        data: {
          label: key.name,
          limit: limit === null ? null : nanosToDollarNumber(limit),
          usage: nanosToDollarNumber(usage),
          limit_remaining:
            limit === null ? null : nanosToDollarNumber(limit - usage > 0n ? limit - usage : 0n),
          is_free_tier: false,
          is_management_key: false,
          expires_at: key.expiresAt?.toISOString() ?? null,
          last_used_at: row?.lastUsedAt?.toISOString() ?? null,
          rate_limit: {
            requests: key.rateLimitPerMinute ?? deps.config.defaultRateLimitPerMinute,
            interval: "1m",
          },
        },
      });
    })
    .get("/credits", requireKey(deps, { rateLimited: false }), async (c) => {
      const [totals] = await deps.db
        .select({
          credits: sql<string>`coalesce(sum(case when ${ledgerTransfers.kind} <> 'usage' then ${ledgerEntries.amountNanos} else 0 end), 0)`,
          usage: sql<string>`coalesce(sum(case when ${ledgerTransfers.kind} = 'usage' then -${ledgerEntries.amountNanos} else 0 end), 0)`,
        })
        .from(ledgerEntries)
        .innerJoin(ledgerTransfers, eq(ledgerTransfers.id, ledgerEntries.transferId))
        .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
        .where(and(eq(ledgerAccounts.kind, "org_credits"), eq(ledgerAccounts.orgId, c.var.key.orgId)));
      const credits = BigInt(totals?.credits ?? "0");
      const usage = BigInt(totals?.usage ?? "0");
      return c.json({
        data: {
          total_credits: nanosToDollarNumber(credits),
          total_usage: nanosToDollarNumber(usage),
          balance: nanosToDollarNumber(credits - usage),
        },
      });
    });
}
