import { autoTopupSettings, type Database, ledgerAccounts } from "@switchyard/db";
import { and, eq, inArray, lt } from "drizzle-orm";

/** Orgs among `orgIds` with auto top-up enabled whose balance is under their threshold. */
export async function orgsBelowThreshold(db: Database, orgIds: string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .select({ orgId: autoTopupSettings.orgId })
    .from(autoTopupSettings)
    .innerJoin(
      ledgerAccounts,
      and(eq(ledgerAccounts.orgId, autoTopupSettings.orgId), eq(ledgerAccounts.kind, "org_credits")),
    )
    .where(
      and(
        eq(autoTopupSettings.enabled, true),
        inArray(autoTopupSettings.orgId, orgIds),
        lt(ledgerAccounts.balanceNanos, autoTopupSettings.thresholdNanos),
      ),
    );
  return rows.map((row) => row.orgId);
}

/** One top-up per org per window: the job id `topup:<org>:<bucket>` dedupes concurrent triggers. */
export function topupJobId(orgId: string, now = Date.now(), windowMs = 10 * 60_000): string {
  return `topup:${orgId}:${Math.floor(now / windowMs)}`;
}
