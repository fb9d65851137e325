import {
  apiKeys,
  creditHolds,
  type Database,
  generations,
  ledgerAccounts,
  ledgerEntries,
  ledgerTransfers,
  newId,
  usageHourly,
} from "@switchyard/db";
import type { UsageJob } from "@switchyard/queue";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { platformAccountId } from "../accounts.ts";
import type { HoldSettlement } from "../holds/types.ts";
import { compareIds, type Transaction } from "../transfers.ts";
import { insertGenerations } from "./insert-generations.ts";
import { aggregateHourly, hourKey } from "./rollup.ts";

/** What a hold settles against; the ledger transaction id is always known here. */
export interface SettledGeneration extends HoldSettlement {
  /** xid8 of the transaction that debited the ledger (null for rows settled before it was recorded). */
  ledgerTxid: string | null;
}

export interface SettlementResult {
  /** Newly written in this call: the caller settles their holds after commit. */
  applied: SettledGeneration[];
  /** Already settled earlier (a retried job). Settling their holds again is harmless and idempotent. */
  duplicates: SettledGeneration[];
}

const CHUNK = 1000;

export async function settleUsage(db: Database, job: UsageJob): Promise<SettlementResult> {
  return settleUsageBatch(db, [job]);
}

/**
 * Settles a batch of usage jobs in ONE transaction: generation rows (on conflict do nothing, so a
 * replay is skipped), then one `usage` transfer per org and UTC day for the batch's new
 * generations (org credits -sum, platform revenue +sum; each generation row names its transfer),
 * key usage, hourly rollups and holds. Cached balances are updated once per account per batch, in
 * id order, so concurrent batches never deadlock. One transfer per batch instead of one per
 * generation keeps the ledger's rows, index entries and foreign-key checks off the per-request cost.
 */
export async function settleUsageBatch(db: Database, jobs: UsageJob[]): Promise<SettlementResult> {
  if (jobs.length === 0) return { applied: [], duplicates: [] };
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => settleInTransaction(tx, jobs));
    } catch (error) {
      // Deadlock or serialization failure with another writer: the whole batch rolled back, retry.
      const code =
        (error as { code?: string; cause?: { code?: string } }).cause?.code ??
        (error as { code?: string }).code;
      if (attempt >= 5 || (code !== "40P01" && code !== "40001")) throw error;
    }
  }
}

/** The generations of one org and UTC day in a batch: they settle through one usage transfer. */
interface UsagePosting {
  transferId: string;
  orgId: string;
  requests: number;
  costNanos: bigint;
  /** The latest request's time: the transfer and its entries are dated then. */
  lastAt: string;
}

const postingKey = (job: UsageJob) => `${job.orgId}|${new Date(job.createdAt).toISOString().slice(0, 10)}`;

async function settleInTransaction(tx: Transaction, input: UsageJob[]): Promise<SettlementResult> {
  const [txRow] = await tx.execute<{ txid: string }>(sql`select pg_current_xact_id()::text as txid`);
  const txid = txRow?.txid ?? null;
  const unique = new Map<string, UsageJob>();
  for (const job of input) if (!unique.has(job.generationId)) unique.set(job.generationId, job);
  const jobs = [...unique.values()];
  // Transfer ids are chosen before the insert so each generation row can name its transfer.
  const transferIds = new Map<string, string>();
  const transferOf = new Map<string, string>();
  for (const job of jobs) {
    const key = postingKey(job);
    const id = transferIds.get(key) ?? newId("txn");
    transferIds.set(key, id);
    transferOf.set(job.generationId, id);
  }

  const inserted = new Set<string>();
  for (let i = 0; i < jobs.length; i += CHUNK) {
    const chunk = jobs.slice(i, i + CHUNK);
    for (const id of await insertGenerations(tx, chunk, (job) => transferOf.get(job.generationId) ?? null))
      inserted.add(id);
  }
  const fresh = jobs.filter((job) => inserted.has(job.generationId));
  const seen = new Set<string>();
  const replayed: UsageJob[] = [];
  for (const job of input) {
    if (inserted.has(job.generationId) && !seen.has(job.generationId)) seen.add(job.generationId);
    else replayed.push(job);
  }

  const applied: SettledGeneration[] = [];
  if (fresh.length > 0) {
    const postings = new Map<string, UsagePosting>();
    const keyUsage = new Map<string, { cost: bigint; lastUsed: Date }>();
    for (const job of fresh) {
      const cost = BigInt(job.costNanos);
      const transferId = transferOf.get(job.generationId) ?? "";
      const posting = postings.get(transferId) ?? {
        transferId,
        orgId: job.orgId,
        requests: 0,
        costNanos: 0n,
        lastAt: job.createdAt,
      };
      posting.requests += 1;
      posting.costNanos += cost;
      if (new Date(job.createdAt) > new Date(posting.lastAt)) posting.lastAt = job.createdAt;
      postings.set(transferId, posting);
      applied.push({
        generationId: job.generationId,
        orgId: job.orgId,
        keyId: job.keyId,
        costNanos: cost,
        ledgerTxid: txid,
        leaseId: job.holdLease ?? null,
      });
      if (job.keyId !== null) {
        const createdAt = new Date(job.createdAt);
        const current = keyUsage.get(job.keyId);
        keyUsage.set(job.keyId, {
          cost: (current?.cost ?? 0n) + cost,
          lastUsed: current && current.lastUsed > createdAt ? current.lastUsed : createdAt,
        });
      }
    }
    const list = [...postings.values()];
    const [accounts, revenue] = await Promise.all([
      orgAccounts(tx, [...new Set(list.map((p) => p.orgId))]),
      platformAccountId(tx, "platform_revenue"),
    ]);
    const posting = usageTransferWrites(tx, list, { accounts, revenue, txid });
    // Issued together, the writes are pipelined on the transaction's connection and run in this
    // order (account rows, then key rows, each locked in id order): one round trip in all.
    await Promise.all([
      ...posting.writes,
      ...balanceDeltaWrites(tx, posting.deltas),
      ...keyUsageWrites(tx, keyUsage),
      ...hourlyWrites(tx, fresh),
      // Embedded mode's Postgres holds (with Redis holds, no row matches). One JSON parameter: a
      // bind parameter per generation costs more to build than the update itself.
      tx.execute(sql`
        update ${creditHolds} set status = 'settled'
        where ${creditHolds.status} in ('active', 'expired') and ${creditHolds.generationId} in (
          select jsonb_array_elements_text(${JSON.stringify(fresh.map((job) => job.generationId))}::jsonb))`),
    ]);
  }

  const duplicates = await replayedSettlements(tx, replayed);
  return { applied, duplicates };
}

/**
 * The writes of one usage transfer per posting, with its two entries when it costs anything (a
 * posting of only free generations is a transfer without entries), and the balance change per
 * account they make.
 */
function usageTransferWrites(
  tx: Transaction,
  postings: UsagePosting[],
  ledger: { accounts: Map<string, string>; revenue: string; txid: string | null },
): { writes: PromiseLike<unknown>[]; deltas: Map<string, bigint> } {
  const transfers = postings.map((p) => ({
    id: p.transferId,
    idempotency_key: `usage:${p.transferId}`,
    org_id: p.orgId,
    description: p.requests === 1 ? "Usage: 1 request" : `Usage: ${p.requests} requests`,
    metadata: { requests: p.requests, txid: ledger.txid },
    created_at: p.lastAt,
  }));
  const writes: PromiseLike<unknown>[] = [
    tx.execute(sql`
      insert into ${ledgerTransfers} (id, idempotency_key, kind, org_id, description, metadata, created_at)
      select id, idempotency_key, 'usage', org_id, description, metadata, created_at
      from jsonb_to_recordset(${JSON.stringify(transfers)}::jsonb) as x(
        id text, idempotency_key text, org_id text, description text, metadata jsonb, created_at timestamptz)`),
  ];

  const entries: { transfer_id: string; account_id: string; amount_nanos: string; created_at: string }[] = [];
  const deltas = new Map<string, bigint>();
  for (const p of postings) {
    if (p.costNanos === 0n) continue;
    const org = ledger.accounts.get(p.orgId);
    if (org === undefined) throw new Error(`No credit account for ${p.orgId}`);
    const at = p.lastAt;
    entries.push({
      transfer_id: p.transferId,
      account_id: org,
      amount_nanos: (-p.costNanos).toString(),
      created_at: at,
    });
    entries.push({
      transfer_id: p.transferId,
      account_id: ledger.revenue,
      amount_nanos: p.costNanos.toString(),
      created_at: at,
    });
    deltas.set(org, (deltas.get(org) ?? 0n) - p.costNanos);
    deltas.set(ledger.revenue, (deltas.get(ledger.revenue) ?? 0n) + p.costNanos);
  }
  if (entries.length === 0) return { writes, deltas };
  // Row locks in id order first (entries' foreign keys only take KEY SHARE, which does not conflict).
  writes.push(lockRows(tx, ledgerAccounts, [...deltas.keys()]));
  writes.push(
    tx.execute(sql`
      insert into ${ledgerEntries} (transfer_id, account_id, amount_nanos, created_at)
      select transfer_id, account_id, amount_nanos, created_at
      from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as x(
        transfer_id text, account_id text, amount_nanos int8, created_at timestamptz)`),
  );
  return { writes, deltas };
}

async function orgAccounts(tx: Transaction, orgIds: string[]): Promise<Map<string, string>> {
  const read = async () =>
    tx
      .select({ id: ledgerAccounts.id, orgId: ledgerAccounts.orgId })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.kind, "org_credits"), inArray(ledgerAccounts.orgId, orgIds)));
  let rows = await read();
  if (rows.length < orgIds.length) {
    const known = new Set(rows.map((row) => row.orgId));
    await tx
      .insert(ledgerAccounts)
      .values(
        orgIds
          .filter((id) => !known.has(id))
          .map((orgId) => ({ id: newId("acct"), kind: "org_credits" as const, orgId })),
      )
      .onConflictDoNothing();
    rows = await read();
  }
  return new Map(rows.map((row) => [row.orgId ?? "", row.id]));
}

function valuesList(rows: SQL[]): SQL {
  return sql.join(rows, sql`, `);
}

/** `select … for no key update` in byte order of id: the one lock order every ledger writer uses. */
function lockRows(
  tx: Transaction,
  table: typeof ledgerAccounts | typeof apiKeys,
  ids: string[],
): PromiseLike<unknown> {
  return tx.execute(
    sql`select id from ${table} where ${inArray(table.id, ids)} order by id collate "C" for no key update`,
  );
}

function balanceDeltaWrites(tx: Transaction, deltas: Map<string, bigint>): PromiseLike<unknown>[] {
  const ids = [...deltas.keys()].sort(compareIds);
  if (ids.length === 0) return [];
  const rows = ids.map((id) => sql`(${id}::text, ${(deltas.get(id) ?? 0n).toString()}::int8)`);
  return [
    tx.execute(sql`
      update ${ledgerAccounts} set balance_nanos = ${ledgerAccounts}.balance_nanos + v.delta
      from (values ${valuesList(rows)}) as v(id, delta) where ${ledgerAccounts}.id = v.id`),
  ];
}

function keyUsageWrites(
  tx: Transaction,
  usage: Map<string, { cost: bigint; lastUsed: Date }>,
): PromiseLike<unknown>[] {
  const ids = [...usage.keys()].sort(compareIds);
  if (ids.length === 0) return [];
  const rows = ids.map((id) => {
    const u = usage.get(id);
    return sql`(${id}::text, ${(u?.cost ?? 0n).toString()}::int8, ${(u?.lastUsed ?? new Date()).toISOString()}::timestamptz)`;
  });
  return [
    lockRows(tx, apiKeys, ids),
    tx.execute(sql`
      update ${apiKeys} set usage_nanos = ${apiKeys}.usage_nanos + v.cost,
        last_used_at = greatest(coalesce(${apiKeys}.last_used_at, v.used), v.used)
      from (values ${valuesList(rows)}) as v(id, cost, used) where ${apiKeys}.id = v.id`),
  ];
}

function hourlyWrites(tx: Transaction, jobs: UsageJob[]): PromiseLike<unknown>[] {
  const rows = aggregateHourly(jobs).sort((a, b) => compareIds(hourKey(a), hourKey(b)));
  const writes: PromiseLike<unknown>[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    writes.push(
      tx
        .insert(usageHourly)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [
            usageHourly.orgId,
            usageHourly.hour,
            usageHourly.keyId,
            usageHourly.modelId,
            usageHourly.providerId,
          ],
          set: {
            requests: sql`${usageHourly.requests} + excluded.requests`,
            errors: sql`${usageHourly.errors} + excluded.errors`,
            promptTokens: sql`${usageHourly.promptTokens} + excluded.prompt_tokens`,
            completionTokens: sql`${usageHourly.completionTokens} + excluded.completion_tokens`,
            costNanos: sql`${usageHourly.costNanos} + excluded.cost_nanos`,
            latencyMsSum: sql`${usageHourly.latencyMsSum} + excluded.latency_ms_sum`,
          },
        }),
    );
  }
  return writes;
}

async function replayedSettlements(tx: Transaction, jobs: UsageJob[]): Promise<SettledGeneration[]> {
  if (jobs.length === 0) return [];
  const ids = [...new Set(jobs.map((job) => job.generationId))];
  // The txid of the transaction that debited each generation, from its usage transfer.
  const rows = await tx.execute<{ id: string; txid: string | null }>(sql`
    select ${generations.id} as id, t.metadata->>'txid' as txid
    from ${generations} left join ${ledgerTransfers} t on t.id = ${generations.ledgerTransferId}
    where ${generations.id} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
  const txids = new Map([...rows].map((row) => [row.id, row.txid]));
  return jobs.map((job) => ({
    generationId: job.generationId,
    orgId: job.orgId,
    keyId: job.keyId,
    costNanos: BigInt(job.costNanos),
    ledgerTxid: txids.get(job.generationId) ?? null,
  }));
}
