import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader, Stat } from "../../../../components/ui/card.tsx";
import { PageHeader } from "../../../../components/ui/page-header.tsx";
import { getGeneration } from "../../../../lib/activity/get-generation.ts";
import { requirePage } from "../../../../lib/authz.ts";
import { db } from "../../../../lib/db.ts";
import { dateTime, int, ms, usd } from "../../../../lib/format/display.ts";
import { StatusBadge } from "../status-badge.tsx";
import { RouteTraceView } from "./route-trace.tsx";

export const metadata = { title: "Generation" };

export default async function GenerationPage({ params }: { params: Promise<{ id: string }> }) {
  const { org } = await requirePage("member");
  const { id } = await params;
  const g = await getGeneration(db(), org.id, id);
  if (!g) notFound();
  const facts: [string, React.ReactNode][] = [
    [
      "Generation",
      <code key="id" className="font-mono text-xs">
        {g.id}
      </code>,
    ],
    ["Time", dateTime(g.createdAt)],
    ["Requested model", g.requestedModel],
    ["Served by", `${g.providerName ?? g.providerId ?? "—"} · ${g.modelId ?? "—"}`],
    ["Key", g.keyName ? `${g.keyName} (${g.keyPrefix}…)` : (g.keyId ?? "—")],
    [
      "Finish reason",
      `${g.finishReason ?? "—"}${g.nativeFinishReason && g.nativeFinishReason !== g.finishReason ? ` (native: ${g.nativeFinishReason})` : ""}`,
    ],
    ["Streamed", g.streamed ? "yes" : "no"],
    ["Upstream id", g.upstreamId ?? "—"],
  ];
  return (
    <>
      <Link
        href="/activity"
        className="mb-3 inline-block text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-white"
      >
        ← Activity
      </Link>
      <PageHeader title={g.modelId ?? g.requestedModel} description={<StatusBadge status={g.status} />} />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Cost" value={usd(g.costNanos)} />
        <Stat
          label="Tokens"
          value={`${int(g.promptTokens)} → ${int(g.completionTokens)}`}
          hint={
            g.cachedTokens
              ? `${int(g.cachedTokens)} cached`
              : g.reasoningTokens
                ? `${int(g.reasoningTokens)} reasoning`
                : "prompt → completion"
          }
        />
        <Stat label="Latency" value={ms(g.latencyMs)} />
        <Stat label="Time to first token" value={ms(g.ttftMs)} />
      </div>
      <Card className="mt-6">
        <CardHeader title="Details" />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label} className="min-w-0">
                <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</dt>
                <dd className="mt-0.5 break-words text-sm">{value}</dd>
              </div>
            ))}
          </dl>
          {g.error ? (
            <p className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
              {g.error.code} (HTTP {g.error.status}): {g.error.message}
            </p>
          ) : null}
        </CardBody>
      </Card>
      {g.trace ? (
        <RouteTraceView trace={g.trace} />
      ) : (
        <p className="mt-6 text-sm text-zinc-500">No route trace was stored for this request.</p>
      )}
    </>
  );
}
