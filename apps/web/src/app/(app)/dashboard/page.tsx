import { orgBalanceNanos } from "@switchyard/ledger/balances";
import Link from "next/link";
import { buttonClass } from "../../../components/ui/button.tsx";
import { Card, CardBody, CardHeader, Stat } from "../../../components/ui/card.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { env } from "../../../env.ts";
import { requirePage } from "../../../lib/authz.ts";
import { db } from "../../../lib/db.ts";
import { int, ms, usd } from "../../../lib/format/display.ts";
import { listKeys } from "../../../lib/keys/list-keys.ts";
import { usageSeries } from "../../../lib/usage/queries.ts";
import { resolveRange } from "../../../lib/usage/range.ts";

export const metadata = { title: "Overview" };

export default async function DashboardPage() {
  const { org, user } = await requirePage("member");
  const range = resolveRange("24h", "day");
  const [balance, keys, series] = await Promise.all([
    orgBalanceNanos(db(), org.id),
    listKeys(db(), org.id),
    usageSeries(db(), org.id, { ...range, granularity: "day" }),
  ]);
  const requests = series.reduce((sum, s) => sum + s.requests, 0);
  const spend = series.reduce((sum, s) => sum + s.costNanos, 0n);
  const latencySum = series.reduce((sum, s) => sum + s.latencyMsSum, 0n);
  const gateway = env().GATEWAY_PUBLIC_URL;
  const snippet = `curl ${gateway}/chat/completions \\
  -H "Authorization: Bearer $SWITCHYARD_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "Hello!"}]}'`;
  return (
    <>
      <PageHeader
        title={`Welcome${user.name ? `, ${user.name}` : ""}`}
        description={`${org.name} · one OpenAI-compatible endpoint for every model.`}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Balance"
          value={usd(balance)}
          hint={
            <Link className="text-indigo-600 hover:underline dark:text-indigo-400" href="/credits">
              Buy credits →
            </Link>
          }
        />
        <Stat label="Requests (24 h)" value={int(requests)} />
        <Stat label="Spend (24 h)" value={usd(spend)} />
        <Stat
          label="Avg latency (24 h)"
          value={requests > 0 ? ms(Number(latencySum / BigInt(requests))) : "—"}
          hint={`${keys.filter((k) => !k.disabled).length} active keys`}
        />
      </div>
      <Card className="mt-6">
        <CardHeader
          title="Quick start"
          description="Use any OpenAI SDK: point its base URL at Switchyard and pass one of your keys."
          action={
            <Link href="/keys" className={buttonClass("primary", "sm")}>
              Create a key
            </Link>
          }
        />
        <CardBody>
          <p className="mb-2 text-xs font-medium uppercase tracking-wide text-zinc-500">Base URL</p>
          <code className="mb-4 block break-all rounded-lg bg-zinc-100 px-3 py-2 font-mono text-sm dark:bg-zinc-800">
            {gateway}
          </code>
          <pre className="overflow-x-auto rounded-lg bg-zinc-950 p-4 font-mono text-xs leading-relaxed text-zinc-100">
            {snippet}
          </pre>
        </CardBody>
      </Card>
    </>
  );
}
