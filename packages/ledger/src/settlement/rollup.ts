import { NO_USAGE, type usageHourly } from "@switchyard/db";
import type { UsageJob } from "@switchyard/queue";

export type HourlyRow = typeof usageHourly.$inferInsert;

/** Start of the UTC hour of an ISO timestamp. */
export function hourOf(iso: string): Date {
  const date = new Date(iso);
  date.setUTCMinutes(0, 0, 0);
  return date;
}

export function hourKey(row: HourlyRow): string {
  return `${row.orgId}|${row.hour.toISOString()}|${row.keyId}|${row.modelId}|${row.providerId}`;
}

/** Sums jobs per org / hour / key / model / provider so each rollup row is upserted once per batch. */
export function aggregateHourly(jobs: UsageJob[]): HourlyRow[] {
  const rows = new Map<string, Required<Pick<HourlyRow, "requests" | "errors">> & HourlyRow>();
  for (const job of jobs) {
    const row = {
      orgId: job.orgId,
      hour: hourOf(job.createdAt),
      keyId: job.keyId ?? "",
      modelId: job.modelId ?? job.requestedModel,
      providerId: job.providerId ?? "",
    };
    const key = hourKey(row);
    const current = rows.get(key) ?? { ...row, ...NO_USAGE };
    current.requests += 1;
    current.errors += job.status === "success" ? 0 : 1;
    current.promptTokens = (current.promptTokens ?? 0n) + BigInt(job.promptTokens);
    current.completionTokens = (current.completionTokens ?? 0n) + BigInt(job.completionTokens);
    current.costNanos = (current.costNanos ?? 0n) + BigInt(job.costNanos);
    current.latencyMsSum = (current.latencyMsSum ?? 0n) + BigInt(job.latencyMs);
    rows.set(key, current);
  }
  return [...rows.values()];
}
