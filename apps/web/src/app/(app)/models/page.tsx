import { loadCatalog } from "@switchyard/db";
import type { CatalogEndpoint } from "@switchyard/routing";
import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Input } from "../../../components/ui/field.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { StreamedSection } from "../../../components/ui/streamed-section.tsx";
import { Table, Td, Th } from "../../../components/ui/table.tsx";
import { env } from "../../../env.ts";
import { requirePage } from "../../../lib/authz.ts";
import { db } from "../../../lib/db.ts";
import { int, ms } from "../../../lib/format/display.ts";
import { fetchLiveStats, type LiveStats } from "../../../lib/models/live-stats.ts";
import { pricePerMillion } from "../../../lib/models/per-million.ts";

export const metadata = { title: "Models" };

function PolicyBadges({ endpoint }: { endpoint: CatalogEndpoint }) {
  const p = endpoint.provider;
  return (
    <span className="flex flex-wrap gap-1">
      {p.trainsOnPrompts ? (
        <Badge tone="red" title="May train on your prompts">
          trains
        </Badge>
      ) : null}
      {p.retainsPrompts ? (
        <Badge tone="amber" title="Retains prompts">
          retains
        </Badge>
      ) : null}
      {p.zdr ? (
        <Badge tone="green" title="Zero data retention">
          ZDR
        </Badge>
      ) : null}
      <Badge tone="neutral" title="Inference region">
        {p.region.toUpperCase()}
      </Badge>
    </span>
  );
}

function uptime(stats: LiveStats | undefined) {
  if (!stats || stats.uptime === null) return <span className="text-zinc-400">—</span>;
  const value = stats.uptime <= 1 ? stats.uptime * 100 : stats.uptime;
  return (
    <span className={value >= 99 ? "text-emerald-600" : value >= 95 ? "text-amber-600" : "text-red-600"}>
      {value.toFixed(1)}%
    </span>
  );
}

export default async function ModelsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requirePage("member");
  const { q } = await searchParams;
  const query = (q ?? "").trim().toLowerCase();
  return (
    <>
      <PageHeader
        title="Models"
        description="Every model we route, its providers and their data policies. Prices are per million tokens."
      />
      <form method="get" className="mb-4 max-w-sm">
        <Input name="q" defaultValue={q ?? ""} placeholder="Search models…" aria-label="Search models" />
      </form>
      {/* The list is about 330 KB of HTML. */}
      <StreamedSection label="Loading models" resetKey={query}>
        <ModelList query={query} />
      </StreamedSection>
    </>
  );
}

async function ModelList({ query }: { query: string }) {
  const catalog = await loadCatalog(db());
  const models = [...catalog.models.values()]
    .filter((m) => (catalog.endpointsByModel.get(m.id) ?? []).length > 0)
    .filter((m) => !query || m.id.toLowerCase().includes(query) || m.name.toLowerCase().includes(query))
    .sort((a, b) => a.id.localeCompare(b.id));
  const gateway = env().GATEWAY_PUBLIC_URL;
  const live = await Promise.all(models.map((m) => fetchLiveStats(gateway, m.id)));
  return (
    <>
      <p className="mb-4 text-sm text-zinc-500 dark:text-zinc-400">
        {models.length} models across {catalog.providers.size} providers.
      </p>
      <div className="space-y-4">
        {models.map((model, index) => {
          const endpoints = [...(catalog.endpointsByModel.get(model.id) ?? [])].sort((a, b) =>
            a.inputPriceNanos + a.outputPriceNanos < b.inputPriceNanos + b.outputPriceNanos ? -1 : 1,
          );
          const stats = live[index];
          return (
            <Card key={model.id}>
              <CardHeader
                title={
                  <span className="flex flex-wrap items-baseline gap-x-2">
                    {model.name}
                    <code className="font-mono text-xs font-normal text-zinc-500">{model.id}</code>
                  </span>
                }
                description={model.description || undefined}
                action={<span className="text-xs text-zinc-500">{int(model.contextLength)} context</span>}
              />
              <Table>
                <thead>
                  <tr>
                    <Th>Provider</Th>
                    <Th className="text-right">Input</Th>
                    <Th className="text-right">Output</Th>
                    <Th className="text-right">Context</Th>
                    <Th>Data policy</Th>
                    <Th className="text-right">Uptime 30m</Th>
                    <Th className="text-right">Latency 30m</Th>
                  </tr>
                </thead>
                <tbody>
                  {endpoints.map((e) => (
                    <tr key={e.id}>
                      <Td className="font-medium">{e.provider.name}</Td>
                      <Td className="text-right tabular-nums">{pricePerMillion(e.inputPriceNanos)}</Td>
                      <Td className="text-right tabular-nums">{pricePerMillion(e.outputPriceNanos)}</Td>
                      <Td className="text-right tabular-nums">{int(e.contextLength)}</Td>
                      <Td>
                        <PolicyBadges endpoint={e} />
                      </Td>
                      <Td className="text-right tabular-nums">{uptime(stats?.get(e.provider.id))}</Td>
                      <Td className="text-right tabular-nums">
                        {ms(stats?.get(e.provider.id)?.latencyMs ?? null)}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Card>
          );
        })}
      </div>
    </>
  );
}
