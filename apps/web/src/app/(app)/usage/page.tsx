import { nanosToDollarNumber } from "@switchyard/config";
import { NO_USAGE } from "@switchyard/db";
import Link from "next/link";
import { buttonClass } from "../../../components/ui/button.tsx";
import { Card, CardHeader, Stat } from "../../../components/ui/card.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { EmptyState, Table, Td, Th } from "../../../components/ui/table.tsx";
import { requirePage } from "../../../lib/authz.ts";
import { db } from "../../../lib/db.ts";
import { int, ms, usd } from "../../../lib/format/display.ts";
import { type Dimension, usageBreakdown, usageSeries } from "../../../lib/usage/queries.ts";
import { bucketStarts, isRangeKey, RANGE_OPTIONS, resolveRange } from "../../../lib/usage/range.ts";
import { BreakdownChart, TimeCharts } from "./charts.tsx";

export const metadata = { title: "Usage" };

const DIMENSIONS: { id: Dimension; title: string }[] = [
  { id: "model", title: "By model" },
  { id: "provider", title: "By provider" },
  { id: "key", title: "By key" },
];

export default async function UsagePage({
  searchParams,
}: {
  searchParams: Promise<{ range?: string; by?: string }>;
}) {
  const { org } = await requirePage("member");
  const search = await searchParams;
  const rangeKey = isRangeKey(search.range) ? search.range : "7d";
  const granularity = search.by === "hour" || search.by === "day" ? search.by : undefined;
  const range = resolveRange(rangeKey, granularity);
  const [series, ...breakdowns] = await Promise.all([
    usageSeries(db(), org.id, range),
    ...DIMENSIONS.map((d) => usageBreakdown(db(), org.id, range, d.id)),
  ]);
  const totals = series.reduce(
    (acc, s) => ({
      requests: acc.requests + s.requests,
      cost: acc.cost + s.costNanos,
      tokens: acc.tokens + s.promptTokens + s.completionTokens,
      latency: acc.latency + s.latencyMsSum,
    }),
    { requests: 0, cost: 0n, tokens: 0n, latency: 0n },
  );
  const label = (d: Date) =>
    range.granularity === "hour"
      ? `${d.toISOString().slice(5, 10)} ${d.toISOString().slice(11, 13)}h`
      : d.toISOString().slice(5, 10);
  const byBucket = new Map(series.map((s) => [s.bucket.getTime(), s]));
  const points = bucketStarts(range).map((bucket) => {
    const s = byBucket.get(bucket.getTime()) ?? NO_USAGE;
    return {
      label: label(bucket),
      spend: nanosToDollarNumber(s.costNanos),
      promptTokens: Number(s.promptTokens),
      completionTokens: Number(s.completionTokens),
      requests: s.requests,
      // No requests, no latency: a gap in the line, not a fall to 0 ms.
      avgLatencyMs: s.requests > 0 ? Number(s.latencyMsSum / BigInt(s.requests)) : null,
    };
  });
  const link = (params: Record<string, string>) =>
    `/usage?${new URLSearchParams({ range: rangeKey, ...(granularity ? { by: granularity } : {}), ...params })}`;
  return (
    <>
      <PageHeader
        title="Usage"
        description="Spend, tokens, requests and latency from hourly rollups (UTC)."
        actions={
          <>
            <div className="inline-flex rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700">
              {Object.keys(RANGE_OPTIONS).map((key) => (
                <Link
                  key={key}
                  href={`/usage?range=${key}`}
                  className={`rounded-md px-3 py-1 text-sm ${key === rangeKey ? "bg-zinc-900 text-white dark:bg-white dark:text-zinc-900" : "text-zinc-600 dark:text-zinc-300"}`}
                >
                  {key}
                </Link>
              ))}
            </div>
            <div className="inline-flex rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700">
              {(["day", "hour"] as const).map((g) => (
                <Link
                  key={g}
                  href={link({ by: g })}
                  className={`rounded-md px-3 py-1 text-sm ${g === range.granularity ? "bg-zinc-900 text-white dark:bg-white dark:text-zinc-900" : "text-zinc-600 dark:text-zinc-300"}`}
                >
                  {g === "day" ? "Daily" : "Hourly"}
                </Link>
              ))}
            </div>
            <a href={`/api/usage/export?range=${rangeKey}`} className={buttonClass("secondary")} download>
              Export CSV
            </a>
          </>
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Spend" value={usd(totals.cost)} />
        <Stat label="Requests" value={int(totals.requests)} />
        <Stat label="Tokens" value={int(totals.tokens)} />
        <Stat
          label="Avg latency"
          value={totals.requests > 0 ? ms(Number(totals.latency / BigInt(totals.requests))) : "—"}
        />
      </div>
      {series.length === 0 ? (
        <Card>
          <EmptyState title="No usage in this period">
            Make a request with one of your keys; usage appears here within a minute.
          </EmptyState>
        </Card>
      ) : (
        <>
          <TimeCharts data={points} />
          <div className="mt-6 grid gap-4 lg:grid-cols-3">
            {DIMENSIONS.map((d, i) => (
              <BreakdownChart
                key={d.id}
                title={`Spend ${d.title.toLowerCase()}`}
                data={(breakdowns[i] ?? []).map((b) => ({
                  label: b.label,
                  spend: nanosToDollarNumber(b.costNanos),
                  requests: b.requests,
                  tokens: Number(b.promptTokens + b.completionTokens),
                }))}
              />
            ))}
          </div>
          {DIMENSIONS.map((d, i) => (
            <Card key={d.id} className="mt-6">
              <CardHeader title={d.title} />
              <Table>
                <thead>
                  <tr>
                    <Th>{d.id}</Th>
                    <Th className="text-right">Requests</Th>
                    <Th className="text-right">Errors</Th>
                    <Th className="text-right">Tokens</Th>
                    <Th className="text-right">Avg latency</Th>
                    <Th className="text-right">Spend</Th>
                  </tr>
                </thead>
                <tbody data-testid={`usage-by-${d.id}`}>
                  {(breakdowns[i] ?? []).map((b) => (
                    <tr key={b.id}>
                      <Td className="font-medium">{b.label}</Td>
                      <Td className="text-right tabular-nums">{int(b.requests)}</Td>
                      <Td className="text-right tabular-nums">{int(b.errors)}</Td>
                      <Td className="text-right tabular-nums">{int(b.promptTokens + b.completionTokens)}</Td>
                      <Td className="text-right tabular-nums">
                        {b.requests > 0 ? ms(Number(b.latencyMsSum / BigInt(b.requests))) : "—"}
                      </Td>
                      <Td className="text-right tabular-nums">{usd(b.costNanos)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Card>
          ))}
        </>
      )}
    </>
  );
}
