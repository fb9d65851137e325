import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardBody, CardHeader } from "../../../components/ui/card.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { EmptyState, Table, Td, Th } from "../../../components/ui/table.tsx";
import { PERMISSIONS } from "../../../lib/authz/permissions.ts";
import { roleAtLeast } from "../../../lib/authz/roles.ts";
import { requirePage } from "../../../lib/authz.ts";
import { db } from "../../../lib/db.ts";
import { dateTime, timeAgo, usd } from "../../../lib/format/display.ts";
import { listKeys } from "../../../lib/keys/list-keys.ts";
import { CreateKeyForm } from "./create-key-form.tsx";
import { KeyActions } from "./key-actions.tsx";

export const metadata = { title: "API keys" };

function keyStatus(key: { disabled: boolean; expiresAt: Date | null }, now: Date) {
  if (key.disabled) return <Badge tone="neutral">Disabled</Badge>;
  if (key.expiresAt && key.expiresAt <= now) return <Badge tone="amber">Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
}

export default async function KeysPage() {
  const { org, membership } = await requirePage("member");
  const canManage = roleAtLeast(membership.role, PERMISSIONS.manageKeys);
  const keys = await listKeys(db(), org.id);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys authenticate requests to the Switchyard endpoint. Secrets are shown once; we store only a hash."
      />
      {canManage ? (
        <Card className="mb-6">
          <CardHeader
            title="Create a key"
            description="Optional limits apply per key, on top of the organization balance."
          />
          <CardBody>
            <CreateKeyForm />
          </CardBody>
        </Card>
      ) : (
        <p className="mb-6 rounded-lg bg-zinc-100 px-4 py-3 text-sm text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          You can view keys. Creating, disabling and deleting keys needs the admin role.
        </p>
      )}
      <Card>
        <CardHeader title="Keys" description={`${keys.length} key${keys.length === 1 ? "" : "s"}`} />
        {keys.length === 0 ? (
          <EmptyState title="No keys yet">Create one above to start calling the API.</EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Status</Th>
                <Th className="text-right">Usage</Th>
                <Th>Limits</Th>
                <Th>Last used</Th>
                <Th>Created</Th>
                {canManage ? <Th className="text-right">Actions</Th> : null}
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} data-testid="key-row">
                  <Td className="font-medium">{key.name}</Td>
                  <Td>
                    <code className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{key.prefix}…</code>
                  </Td>
                  <Td>{keyStatus(key, now)}</Td>
                  <Td className="text-right tabular-nums">
                    {usd(key.usageNanos)}
                    {key.creditLimitNanos !== null ? (
                      <span className="text-zinc-400"> / {usd(key.creditLimitNanos)}</span>
                    ) : null}
                  </Td>
                  <Td className="text-xs text-zinc-500">
                    {key.rateLimitPerMinute ? `${key.rateLimitPerMinute}/min` : "default rate"}
                    {key.expiresAt ? ` · expires ${dateTime(key.expiresAt).slice(0, 10)}` : ""}
                  </Td>
                  <Td className="text-zinc-500">{timeAgo(key.lastUsedAt, now)}</Td>
                  <Td className="text-zinc-500">{dateTime(key.createdAt).slice(0, 10)}</Td>
                  {canManage ? (
                    <Td>
                      <KeyActions keyId={key.id} name={key.name} disabled={key.disabled} />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
