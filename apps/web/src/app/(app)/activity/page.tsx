import Link from "next/link";
import { buttonClass } from "../../../components/ui/button.tsx";
import { Card } from "../../../components/ui/card.tsx";
import { Select } from "../../../components/ui/field.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { StreamedSection } from "../../../components/ui/streamed-section.tsx";
import { EmptyState, Table, Td, Th } from "../../../components/ui/table.tsx";
import { generationFilterOptions } from "../../../lib/activity/get-generation.ts";
import { type GenerationFilters, listGenerations } from "../../../lib/activity/list-generations.ts";
import { requirePage } from "../../../lib/authz.ts";
import { db } from "../../../lib/db.ts";
import { dateTime, int, ms, usd } from "../../../lib/format/display.ts";
import { listKeys } from "../../../lib/keys/list-keys.ts";
import { StatusBadge } from "./status-badge.tsx";

export const metadata = { title: "Activity" };

type Search = { key?: string; model?: string; provider?: string; status?: string; cursor?: string };

const STATUSES = ["success", "error", "cancelled"] as const;

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { org } = await requirePage("member");
  const search = await searchParams;
  const status = STATUSES.find((s) => s === search.status);
  const filters: GenerationFilters = {
    keyId: search.key || undefined,
    modelId: search.model || undefined,
    providerId: search.provider || undefined,
    status,
    cursor: search.cursor || undefined,
    limit: 25,
  };
  const [options, keys] = await Promise.all([generationFilterOptions(db(), org.id), listKeys(db(), org.id)]);
  const keep = new URLSearchParams(
    Object.entries({
      key: search.key,
      model: search.model,
      provider: search.provider,
      status: search.status,
    }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return (
    <>
      <PageHeader
        title="Activity"
        description="Every request, newest first, with the provider that served it and why."
      />
      <form className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5" method="get">
        <Select name="key" defaultValue={search.key ?? ""} aria-label="Filter by key">
          <option value="">All keys</option>
          {keys.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </Select>
        <Select name="model" defaultValue={search.model ?? ""} aria-label="Filter by model">
          <option value="">All models</option>
          {options.models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
        <Select name="provider" defaultValue={search.provider ?? ""} aria-label="Filter by provider">
          <option value="">All providers</option>
          {options.providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <Select name="status" defaultValue={search.status ?? ""} aria-label="Filter by status">
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
        <div className="col-span-2 flex gap-2 sm:col-span-1">
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
          <Link href="/activity" className={buttonClass("ghost")}>
            Reset
          </Link>
        </div>
      </form>
      {/* 25 rows are about 120 KB of HTML. */}
      <StreamedSection label="Loading requests" resetKey={`${keep}|${filters.cursor ?? ""}`}>
        <GenerationList orgId={org.id} filters={filters} keep={keep} />
      </StreamedSection>
    </>
  );
}

/** One page of generations, newest first, with links to the newest and the next older page. */
async function GenerationList({
  orgId,
  filters,
  keep,
}: {
  orgId: string;
  filters: GenerationFilters;
  /** The filters as query parameters, kept when paging. */
  keep: URLSearchParams;
}) {
  const page = await listGenerations(db(), orgId, filters);
  const nextHref = page.nextCursor
    ? `/activity?${new URLSearchParams([...keep, ["cursor", page.nextCursor]])}`
    : undefined;
  return (
    <>
      <Card>
        {page.rows.length === 0 ? (
          <EmptyState title="No requests yet">
            Calls made with your API keys show up here within seconds.
          </EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Model</Th>
                <Th>Provider</Th>
                <Th>Key</Th>
                <Th>Status</Th>
                <Th className="text-right">Tokens</Th>
                <Th className="text-right">Cost</Th>
                <Th className="text-right">Latency</Th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((g) => (
                <tr
                  key={g.id}
                  className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40"
                  data-testid="generation-row"
                >
                  <Td className="whitespace-nowrap text-zinc-500">
                    <Link href={`/activity/${g.id}`} className="hover:underline">
                      {dateTime(g.createdAt)}
                    </Link>
                  </Td>
                  <Td>
                    <Link
                      href={`/activity/${g.id}`}
                      className="font-medium text-indigo-700 hover:underline dark:text-indigo-400"
                    >
                      {g.modelId ?? g.requestedModel}
                    </Link>
                  </Td>
                  <Td data-testid="generation-provider" data-provider-id={g.providerId ?? ""}>
                    {g.providerName ?? g.providerId ?? "—"}
                  </Td>
                  <Td className="text-zinc-500">{g.keyName ?? (g.keyId ? "deleted key" : "—")}</Td>
                  <Td>
                    <StatusBadge status={g.status} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    {int(g.promptTokens)} → {int(g.completionTokens)}
                  </Td>
                  <Td className="text-right tabular-nums">{usd(g.costNanos)}</Td>
                  <Td className="text-right tabular-nums">{ms(g.latencyMs)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <div className="mt-4 flex justify-end gap-2">
        {filters.cursor ? (
          <Link href={`/activity?${keep}`} className={buttonClass("secondary", "sm")}>
            ← Newest
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className={buttonClass("secondary", "sm")}>
            Older →
          </Link>
        ) : null}
      </div>
    </>
  );
}
