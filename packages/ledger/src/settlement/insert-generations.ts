import { generations } from "@switchyard/db";
import type { UsageJob } from "@switchyard/queue";
import { sql } from "drizzle-orm";
import type { Transaction } from "../transfers.ts";

/** A scalar column of the generation row: its SQL type and where a usage record keeps its value. */
interface ScalarColumn {
  name: string;
  type: string;
  value: (job: UsageJob, ledgerTransferId: string | null) => string | number | boolean | null;
}

const SCALAR_COLUMNS: ScalarColumn[] = [
  { name: "id", type: "text", value: (job) => job.generationId },
  { name: "org_id", type: "text", value: (job) => job.orgId },
  { name: "key_id", type: "text", value: (job) => job.keyId },
  { name: "requested_model", type: "text", value: (job) => job.requestedModel },
  { name: "model_id", type: "text", value: (job) => job.modelId },
  { name: "provider_id", type: "text", value: (job) => job.providerId },
  { name: "endpoint_id", type: "text", value: (job) => job.endpointId },
  { name: "upstream_id", type: "text", value: (job) => job.upstreamId },
  { name: "session_id", type: "text", value: (job) => job.sessionId },
  { name: "status", type: "generation_status", value: (job) => job.status },
  { name: "finish_reason", type: "text", value: (job) => job.finishReason },
  { name: "native_finish_reason", type: "text", value: (job) => job.nativeFinishReason },
  { name: "streamed", type: "boolean", value: (job) => job.streamed },
  { name: "prompt_tokens", type: "int", value: (job) => job.promptTokens },
  { name: "completion_tokens", type: "int", value: (job) => job.completionTokens },
  { name: "cached_tokens", type: "int", value: (job) => job.cachedTokens },
  { name: "reasoning_tokens", type: "int", value: (job) => job.reasoningTokens },
  { name: "cost_nanos", type: "int8", value: (job) => job.costNanos },
  { name: "latency_ms", type: "int", value: (job) => job.latencyMs },
  { name: "ttft_ms", type: "int", value: (job) => job.ttftMs },
  { name: "ledger_transfer_id", type: "text", value: (_job, ledgerTransferId) => ledgerTransferId },
  { name: "created_at", type: "timestamptz", value: (job) => job.createdAt },
];

// Fixed SQL text (no values): the column list, the casts and the aliases of the rows-from clause.
const INSERT_COLUMNS = sql.raw([...SCALAR_COLUMNS.map((c) => c.name), "route_trace", "error"].join(", "));
const SELECT_LIST = sql.raw(SCALAR_COLUMNS.map((c, i) => `c${i}::${c.type}`).join(", "));
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
