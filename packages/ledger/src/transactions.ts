import type { Database } from "@switchyard/db";
import { sql } from "drizzle-orm";

export interface LedgerTransaction {
  /** Transfer id, or `usage:YYYY-MM-DD` for a day of usage. */
  id: string;
  kind: "purchase" | "usage" | "refund" | "dispute" | "auto_topup" | "promotion" | "adjustment";
  description: string;
  /** Effect on the org's balance: positive adds credit, negative removes it. */
  amountNanos: bigint;
  occurredAt: Date;
  /** Number of ledger transfers folded into this line (usage days aggregate many). */
  count: number;
}

export interface TransactionPage {
  items: LedgerTransaction[];
  nextCursor: string | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  kind: LedgerTransaction["kind"];
  description: string;
  amount: string;
  at: string;
  count: string | number;
}

/**
 * The dashboard's transaction list, newest first: purchases, refunds, disputes, top-ups and
 * promotions one by one, usage folded into one line per UTC day (dated at the day's last instant).
 */
export async function listTransactions(
  db: Database,
  orgId: string,
  options: { limit?: number; cursor?: string | null } = {},
): Promise<TransactionPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const cursor = options.cursor ? decodeCursor(options.cursor) : null;
  const after = cursor ? sql`where (at, id) < (${cursor.at}::timestamptz, ${cursor.id}::text)` : sql``;
  const rows = await db.execute<Row>(sql`
    with account as (
      select id from ledger_accounts where kind = 'org_credits' and org_id = ${orgId}
    ), items as (
      select t.id, t.kind::text as kind, t.description, e.amount_nanos as amount, t.created_at as at, 1::int8 as count
      from ledger_entries e join ledger_transfers t on t.id = e.transfer_id
      where e.account_id = (select id from account) and t.kind <> 'usage'
      union all
      select 'usage:' || to_char(day, 'YYYY-MM-DD'), 'usage', 'Usage', total,
        (day + interval '1 day' - interval '1 microsecond') at time zone 'UTC', n
      from (
        -- A usage transfer debits a batch of requests (metadata.requests); older ones debited one each.
        select date_trunc('day', e.created_at at time zone 'UTC') as day, sum(e.amount_nanos) as total,
          sum(coalesce((t.metadata->>'requests')::int8, 1)) as n
        from ledger_entries e join ledger_transfers t on t.id = e.transfer_id
        where e.account_id = (select id from account) and t.kind = 'usage'
        group by 1
      ) usage_days
    )
    select id, kind, description, amount::text as amount,
      to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, count
    from items ${after}
    order by items.at desc, id desc
    limit ${limit + 1}`);
  const list = [...rows];
  const page = list.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      description: row.description,
      amountNanos: BigInt(row.amount),
      occurredAt: new Date(row.at),
      count: Number(row.count),
    })),
    nextCursor: list.length > limit && last ? encodeCursor(last.at, last.id) : null,
  };
}

function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const text = Buffer.from(cursor, "base64url").toString();
  const sep = text.indexOf("|");
  const at = text.slice(0, sep);
  if (sep < 0 || Number.isNaN(Date.parse(at))) throw new RangeError("invalid cursor");
  return { at, id: text.slice(sep + 1) };
}
