import { orgBalanceNanos } from "@switchyard/ledger/balances";
import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardBody, CardHeader } from "../../../components/ui/card.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { EmptyState, Table, Td, Th } from "../../../components/ui/table.tsx";
import { PERMISSIONS } from "../../../lib/authz/permissions.ts";
import { roleAtLeast } from "../../../lib/authz/roles.ts";
import { requirePage } from "../../../lib/authz.ts";
import type { AutoTopup, BillingTransaction } from "../../../lib/billing/client.ts";
import { db } from "../../../lib/db.ts";
import { dateTime, usd, utcDay } from "../../../lib/format/display.ts";
import { serverDeps } from "../../../lib/server-deps.ts";
import { AutoTopupForm } from "./auto-topup-form.tsx";
import { BuyCreditsForm } from "./buy-form.tsx";

export const metadata = { title: "Credits" };

async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: string }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: error instanceof Error ? error.message : "Unavailable" };
  }
}

export default async function CreditsPage({
  searchParams,
}: {
  searchParams: Promise<{ purchase?: string }>;
}) {
  const { org, membership } = await requirePage("member");
  const { purchase } = await searchParams;
  const deps = serverDeps();
  const [balance, topup, transactions] = await Promise.all([
    orgBalanceNanos(db(), org.id),
    settle<AutoTopup>(deps.billing.getAutoTopup(org.id)),
    settle<BillingTransaction[]>(deps.billing.listTransactions(org.id)),
  ]);
  const canBuy = roleAtLeast(membership.role, PERMISSIONS.buyCredits);
  return (
    <>
      <PageHeader
        title="Credits"
        description="Prepaid credits pay for every request. Usage is metered to the nano-dollar."
      />
      {purchase === "success" ? (
        <p
          role="status"
          className="mb-6 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
        >
          Payment received. Your credits are on the balance below.
        </p>
      ) : purchase === "cancelled" ? (
        <p className="mb-6 rounded-lg bg-zinc-100 px-4 py-3 text-sm text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
          Checkout cancelled; nothing was charged.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-2">
          <CardHeader title="Balance" />
          <CardBody>
            <p className="text-4xl font-semibold tabular-nums tracking-tight" data-testid="balance">
              {usd(balance)}
            </p>
            <p className="mt-1 text-sm text-zinc-500">Available for {org.name}</p>
          </CardBody>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader title="Buy credits" description="The fee is shown before you pay." />
          <CardBody>
            <BuyCreditsForm canBuy={canBuy} />
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="Auto top-up" description="Never run dry in production." />
        <CardBody>
          {"error" in topup ? (
            <p className="text-sm text-zinc-500">
              Auto top-up settings are unavailable right now: {topup.error}
            </p>
          ) : (
            <AutoTopupForm
              current={topup.value}
              canEdit={roleAtLeast(membership.role, PERMISSIONS.manageAutoTopup)}
            />
          )}
        </CardBody>
      </Card>
      <Card className="mt-6">
        <CardHeader title="Transactions" />
        {"error" in transactions ? (
          <EmptyState title="Transactions are unavailable">{transactions.error}</EmptyState>
        ) : transactions.value.length === 0 ? (
          <EmptyState title="No transactions yet">Purchases, top-ups and refunds appear here.</EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Date</Th>
                <Th>Type</Th>
                <Th>Description</Th>
                <Th className="text-right">Amount</Th>
              </tr>
            </thead>
            <tbody>
              {transactions.value.map((t) => (
                <tr key={t.id} data-testid="transaction-row">
                  <Td className="text-zinc-500" data-testid="transaction-date">
                    {/* A usage line totals a UTC day and sorts at its last instant: as a time,
                        today's would read 23:59, a moment still to come. */}
                    {t.kind === "usage" ? utcDay(t.createdAt) : dateTime(t.createdAt)}
                  </Td>
                  <Td>
                    <Badge tone={t.amountNanos >= 0n ? "green" : "neutral"}>
                      {t.kind.replaceAll("_", " ")}
                    </Badge>
                  </Td>
                  <Td>
                    {t.description}
                    {t.count > 1 ? <span className="text-zinc-400"> · {t.count} requests</span> : null}
                  </Td>
                  <Td
                    className={`text-right tabular-nums ${t.amountNanos >= 0n ? "text-emerald-700 dark:text-emerald-400" : ""}`}
                  >
                    {t.amountNanos >= 0n ? "+" : ""}
                    {usd(t.amountNanos)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
