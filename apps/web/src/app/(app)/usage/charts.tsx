"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export interface SeriesPoint {
  label: string;
  spend: number;
  promptTokens: number;
  completionTokens: number;
  requests: number;
  /** Null for a bucket without requests. */
  avgLatencyMs: number | null;
}

export interface BreakdownPoint {
  label: string;
  spend: number;
  requests: number;
  tokens: number;
}

const AXIS = { fontSize: 11, fill: "#71717a" };
const money = (v: number) => (v >= 1 ? `$${v.toFixed(2)}` : `$${v.toPrecision(2)}`);
const compact = (v: number) => new Intl.NumberFormat("en-US", { notation: "compact" }).format(v);
const tooltipStyle = { fontSize: 12, borderRadius: 8, border: "1px solid #e4e4e7" };

function Frame({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h3 className="mb-3 text-sm font-semibold">{title}</h3>
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </div>
  );
}

export function TimeCharts({ data }: { data: SeriesPoint[] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="usage-charts">
      <Frame title="Spend">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa33" vertical={false} />
          <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} />
          <YAxis tick={AXIS} tickLine={false} axisLine={false} tickFormatter={money} width={56} />
          <Tooltip formatter={(v) => money(Number(v))} contentStyle={tooltipStyle} />
          <Bar dataKey="spend" name="Spend" fill="#4f46e5" radius={[4, 4, 0, 0]} />
        </BarChart>
      </Frame>
      <Frame title="Tokens">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa33" vertical={false} />
          <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} />
          <YAxis tick={AXIS} tickLine={false} axisLine={false} tickFormatter={compact} width={48} />
          <Tooltip formatter={(v) => compact(Number(v))} contentStyle={tooltipStyle} />
          <Bar dataKey="promptTokens" name="Prompt" stackId="t" fill="#818cf8" />
          <Bar
            dataKey="completionTokens"
            name="Completion"
            stackId="t"
            fill="#4338ca"
            radius={[4, 4, 0, 0]}
          />
        </BarChart>
      </Frame>
      <Frame title="Requests">
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa33" vertical={false} />
          <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} />
          <YAxis tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} width={40} />
          <Tooltip contentStyle={tooltipStyle} />
          <Line
            type="monotone"
            dataKey="requests"
            name="Requests"
            stroke="#059669"
            strokeWidth={2}
            dot={false}
          />
        </LineChart>
      </Frame>
      <Frame title="Average latency (ms)">
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa33" vertical={false} />
          <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} />
          <YAxis tick={AXIS} tickLine={false} axisLine={false} width={48} />
          <Tooltip contentStyle={tooltipStyle} />
          <Line
            type="monotone"
            dataKey="avgLatencyMs"
            name="Avg latency"
            stroke="#d97706"
            strokeWidth={2}
            // Buckets without requests have no latency: the line joins the ones that do, and a
            // dot marks each, so a lone busy day still shows.
            connectNulls
            dot={{ r: 2.5 }}
          />
        </LineChart>
      </Frame>
    </div>
  );
}

export function BreakdownChart({ title, data }: { title: string; data: BreakdownPoint[] }) {
  return (
    <Frame title={title}>
      <BarChart data={data.slice(0, 8)} layout="vertical" margin={{ left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#a1a1aa33" horizontal={false} />
        <XAxis type="number" tick={AXIS} tickLine={false} axisLine={false} tickFormatter={money} />
        <YAxis type="category" dataKey="label" tick={AXIS} tickLine={false} axisLine={false} width={120} />
        <Tooltip formatter={(v) => money(Number(v))} contentStyle={tooltipStyle} />
        <Bar dataKey="spend" name="Spend" fill="#4f46e5" radius={[0, 4, 4, 0]} />
      </BarChart>
    </Frame>
  );
}
