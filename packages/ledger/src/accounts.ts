import { type Database, ledgerAccounts, newId } from "@switchyard/db";
import { and, eq, isNull } from "drizzle-orm";

export type PlatformAccountKind = "platform_revenue" | "stripe_clearing" | "fees" | "promotions";

type Executor = Pick<Database, "select" | "insert">;

/** The org's credit account id, created on first use. */
export async function orgCreditAccountId(db: Executor, orgId: string): Promise<string> {
  const existing = await db
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.kind, "org_credits"), eq(ledgerAccounts.orgId, orgId)));
  if (existing[0]) return existing[0].id;
  await db
    .insert(ledgerAccounts)
    .values({ id: newId("acct"), kind: "org_credits", orgId })
    .onConflictDoNothing();
  return orgCreditAccountId(db, orgId);
}

export async function platformAccountId(db: Executor, kind: PlatformAccountKind): Promise<string> {
  const existing = await db
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.kind, kind), isNull(ledgerAccounts.orgId)));
  if (existing[0]) return existing[0].id;
  await db
    .insert(ledgerAccounts)
    .values({ id: newId("acct"), kind })
    .onConflictDoNothing();
  return platformAccountId(db, kind);
}
