import { generations } from "@switchyard/db";
import type { UsageJob } from "@switchyard/queue";
import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Transaction } from "../transfers.ts";

/** A scalar column of the generation row (its name and SQL type come from the schema) and where a usage record keeps its value. */
interface ScalarColumn {
  column: AnyPgColumn;
  value: (job: UsageJob, ledgerTransferId: string | null) => string | number | boolean | null;
}

const SCALAR_COLUMNS: ScalarColumn[] = [
  { column: generations.id, value: (job) => job.generationId },
  { column: generations.orgId, value: (job) => job.orgId },
  { column: generations.keyId, value: (job) => job.keyId },
  { column: generations.requestedModel, value: (job) => job.requestedModel },
  { column: generations.modelId, value: (job) => job.modelId },
  { column: generations.providerId, value: (job) => job.providerId },
  { column: generations.endpointId, value: (job) => job.endpointId },
  { column: generations.upstreamId, value: (job) => job.upstreamId },
  { column: generations.sessionId, value: (job) => job.sessionId },
  { column: generations.status, value: (job) => job.status },
  { column: generations.finishReason, value: (job) => job.finishReason },
  { column: generations.nativeFinishReason, value: (job) => job.nativeFinishReason },
  { column: generations.streamed, value: (job) => job.streamed },
  { column: generations.promptTokens, value: (job) => job.promptTokens },
  { column: generations.completionTokens, value: (job) => job.completionTokens },
  { column: generations.cachedTokens, value: (job) => job.cachedTokens },
  { column: generations.reasoningTokens, value: (job) => job.reasoningTokens },
  { column: generations.costNanos, value: (job) => job.costNanos },
  { column: generations.latencyMs, value: (job) => job.latencyMs },
  { column: generations.ttftMs, value: (job) => job.ttftMs },
  { column: generations.ledgerTransferId, value: (_job, ledgerTransferId) => ledgerTransferId },
  { column: generations.createdAt, value: (job) => job.createdAt },
];

// Fixed SQL text (no values): the column list, the casts and the aliases of the rows-from clause.
const INSERT_COLUMNS = sql.raw(
  [...SCALAR_COLUMNS.map((c) => c.column.name), generations.routeTrace.name, generations.error.name].join(
    ", ",
  ),
);
const SELECT_LIST = sql.raw(SCALAR_COLUMNS.map((c, i) => `c${i}::${c.column.getSQLType()}`).join(", "));
const ALIASES = sql.raw(SCALAR_COLUMNS.map((_, i) => `c${i}`).join(", "));

/**
 * Inserts the generation rows of a batch (on conflict do nothing, so a replay is skipped) and
 * returns the ids that were new.
 *
 * Column by column: each scalar column is one JSON array parameter, unnested in step with the
 * others (`rows from`), and the route traces are one more. Postgres then parses no key names, and
 * each route trace once, as an element of its array (`json_array_elements` hands out json values,
 * which a json column takes as they are). Rows of objects through `json_to_recordset` cost a third
 * more of Postgres's CPU per row: the keys were a third of the bytes, and each trace was parsed
 * twice, once in the rows and once more as the json column's input (docs/performance.md). A
 * parameter per column per row would cost more to bind than the insert itself.
 */
export async function insertGenerations(
  tx: Transaction,
  jobs: UsageJob[],
  ledgerTransferOf: (job: UsageJob) => string | null,
): Promise<Set<string>> {
  const transfers = jobs.map(ledgerTransferOf);
  const columns = SCALAR_COLUMNS.map(
    (column) =>
      sql`json_array_elements_text(${JSON.stringify(jobs.map((job, i) => column.value(job, transfers[i] ?? null)))}::json)`,
  );
  // A record without a trace stores JSON null (the column is not null); without an error, SQL null.
  const traces = JSON.stringify(jobs.map((job) => job.routeTrace ?? null));
  const errors = JSON.stringify(jobs.map((job) => job.error));
  const rows = await tx.execute<{ id: string }>(sql`
    insert into ${generations} (${INSERT_COLUMNS})
    select ${SELECT_LIST}, route_trace, nullif(error, 'null'::jsonb)
    from rows from (${sql.join(columns, sql`, `)}, json_array_elements(${traces}::json),
      jsonb_array_elements(${errors}::jsonb)) as x(${ALIASES}, route_trace, error)
    on conflict (id) do nothing
    returning id`);
  return new Set(rows.map((row) => row.id));
}
