import { type Database, ledgerAccounts } from "@switchyard/db";
import { and, eq } from "drizzle-orm";

/** The org's credit balance: its `org_credits` ledger account (0 before the first purchase). */
export async function orgBalanceNanos(db: Pick<Database, "select">, orgId: string): Promise<bigint> {
  const [row] = await db
    .select({ balance: ledgerAccounts.balanceNanos })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.kind, "org_credits"), eq(ledgerAccounts.orgId, orgId)));
  return row?.balance ?? 0n;
}
