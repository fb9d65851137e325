import { nanosToDollarString } from "@switchyard/config";
import type { usageRows } from "./queries.ts";

type Row = Awaited<ReturnType<typeof usageRows>>[number];

const HEADER = [
  "hour_utc",
  "key_id",
  "key_name",
  "model",
  "provider",
  "requests",
  "errors",
  "prompt_tokens",
  "completion_tokens",
  "cost_usd",
  "avg_latency_ms",
];

/** RFC 4180 field: quoted when it holds a comma, quote or newline; formula-leading cells neutralised. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Usage rows as CSV; cost is an exact decimal dollar string (from nanos, never a float). */
export function usageCsv(rows: Row[]): string {
  const lines = [HEADER.join(",")];
  for (const row of rows) {
    const avg = row.requests > 0 ? (row.latencyMsSum / BigInt(row.requests)).toString() : "0";
    lines.push(
      [
        row.hour.toISOString(),
        row.keyId,
        row.keyName ?? "",
        row.modelId,
        row.providerId,
        String(row.requests),
        String(row.errors),
        row.promptTokens.toString(),
        row.completionTokens.toString(),
        nanosToDollarString(row.costNanos),
        avg,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
