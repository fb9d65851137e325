import { creditHolds, type Database } from "@switchyard/db";
import { and, eq, lte, sql } from "drizzle-orm";

/** Sweeper for the Postgres holds: active holds past their expiry become `expired`. Returns how many. */
export async function releaseExpiredHolds(db: Database, now: Date = new Date()): Promise<number> {
  const rows = await db
    .update(creditHolds)
    .set({ status: "expired" })
    .where(
      and(
        eq(creditHolds.status, "active"),
        lte(creditHolds.expiresAt, sql`${now.toISOString()}::timestamptz`),
      ),
    )
    .returning({ id: creditHolds.id });
  return rows.length;
}
