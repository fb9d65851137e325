import { apiKeys, type Database, usageHourly } from "@switchyard/db";
import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";

export type Granularity = "day" | "hour";
export type Dimension = "model" | "provider" | "key";

export interface UsageRange {
  from: Date;
  to: Date;
  granularity: Granularity;
}

export interface UsageTotals {
  requests: number;
  errors: number;
  promptTokens: bigint;
  completionTokens: bigint;
  costNanos: bigint;
  latencyMsSum: bigint;
}

const totals = {
  requests: sql<number>`coalesce(sum(${usageHourly.requests}), 0)::int`,
  errors: sql<number>`coalesce(sum(${usageHourly.errors}), 0)::int`,
  promptTokens: sql<string>`coalesce(sum(${usageHourly.promptTokens}), 0)::text`,
  completionTokens: sql<string>`coalesce(sum(${usageHourly.completionTokens}), 0)::text`,
  costNanos: sql<string>`coalesce(sum(${usageHourly.costNanos}), 0)::text`,
  latencyMsSum: sql<string>`coalesce(sum(${usageHourly.latencyMsSum}), 0)::text`,
};

function toTotals(row: {
  requests: number;
  errors: number;
  promptTokens: string;
  completionTokens: string;
  costNanos: string;
  latencyMsSum: string;
}): UsageTotals {
  return {
    requests: Number(row.requests),
    errors: Number(row.errors),
    promptTokens: BigInt(row.promptTokens),
    completionTokens: BigInt(row.completionTokens),
    costNanos: BigInt(row.costNanos),
    latencyMsSum: BigInt(row.latencyMsSum),
  };
}

const inRange = (orgId: string, range: UsageRange) =>
  and(eq(usageHourly.orgId, orgId), gte(usageHourly.hour, range.from), lt(usageHourly.hour, range.to));

/** Totals per day or hour (UTC) over the range; buckets without traffic are absent. */
export async function usageSeries(db: Pick<Database, "select">, orgId: string, range: UsageRange) {
  const unit = range.granularity === "day" ? sql.raw("'day'") : sql.raw("'hour'");
  const bucket = sql<Date>`date_trunc(${unit}, ${usageHourly.hour} at time zone 'UTC') at time zone 'UTC'`;
  const rows = await db
    .select({ bucket, ...totals })
    .from(usageHourly)
    .where(inRange(orgId, range))
    .groupBy(bucket)
    .orderBy(asc(bucket));
  return rows.map((row) => ({ bucket: new Date(row.bucket), ...toTotals(row) }));
}

/** Totals per model, provider or key over the range, biggest spend first. */
export async function usageBreakdown(
  db: Pick<Database, "select">,
  orgId: string,
  range: UsageRange,
  dimension: Dimension,
) {
  const column =
    dimension === "model"
      ? usageHourly.modelId
      : dimension === "provider"
        ? usageHourly.providerId
        : usageHourly.keyId;
  const rows = await db
    .select({ id: column, keyName: sql<string | null>`max(${apiKeys.name})`, ...totals })
    .from(usageHourly)
    .leftJoin(apiKeys, eq(apiKeys.id, usageHourly.keyId))
    .where(inRange(orgId, range))
    .groupBy(column)
    .orderBy(desc(sql`sum(${usageHourly.costNanos})`), asc(column));
  return rows.map((row) => ({
    id: row.id,
    label: dimension === "key" ? (row.keyName ?? `${row.id} (deleted)`) : row.id,
    ...toTotals(row),
  }));
}

/** Every hourly row in range, for CSV export. */
export async function usageRows(
  db: Pick<Database, "select">,
  orgId: string,
  range: Pick<UsageRange, "from" | "to">,
) {
  return db
    .select({
      hour: usageHourly.hour,
      keyId: usageHourly.keyId,
      keyName: apiKeys.name,
      modelId: usageHourly.modelId,
      providerId: usageHourly.providerId,
      requests: usageHourly.requests,
      errors: usageHourly.errors,
      promptTokens: usageHourly.promptTokens,
      completionTokens: usageHourly.completionTokens,
      costNanos: usageHourly.costNanos,
      latencyMsSum: usageHourly.latencyMsSum,
    })
    .from(usageHourly)
    .leftJoin(apiKeys, eq(apiKeys.id, usageHourly.keyId))
    .where(
      and(eq(usageHourly.orgId, orgId), gte(usageHourly.hour, range.from), lt(usageHourly.hour, range.to)),
    )
    .orderBy(
      asc(usageHourly.hour),
      asc(usageHourly.modelId),
      asc(usageHourly.providerId),
      asc(usageHourly.keyId),
    );
}
