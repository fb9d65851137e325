import { Badge } from "../../../../components/ui/badge.tsx";
import { Card, CardBody, CardHeader } from "../../../../components/ui/card.tsx";
import { PageHeader } from "../../../../components/ui/page-header.tsx";
import { Table, Td, Th } from "../../../../components/ui/table.tsx";
import { PERMISSION_LABELS, PERMISSIONS, type Permission } from "../../../../lib/authz/permissions.ts";
import { ROLES, roleAtLeast } from "../../../../lib/authz/roles.ts";
import { requirePage } from "../../../../lib/authz.ts";
import { db } from "../../../../lib/db.ts";
import { dateTime } from "../../../../lib/format/display.ts";
import { listMembers, listPendingInvites } from "../../../../lib/members/queries.ts";
import { InviteForm } from "./invite-form.tsx";
import { MemberControls, RevokeInviteButton } from "./member-controls.tsx";

export const metadata = { title: "Members" };

export default async function MembersPage() {
  const { org, membership, user } = await requirePage("member");
  const canManage = roleAtLeast(membership.role, PERMISSIONS.manageMembers);
  const canOwn = roleAtLeast(membership.role, PERMISSIONS.manageOwners);
  const [members, invites] = await Promise.all([
    listMembers(db(), org.id),
    canManage ? listPendingInvites(db(), org.id) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader title="Members" description={`People in ${org.name} and what each role may do.`} />
      {canManage ? (
        <Card className="mb-6">
          <CardHeader
            title="Invite someone"
            description="They join when they open the link signed in with the invited email."
          />
          <CardBody>
            <InviteForm canInviteOwner={canOwn} />
          </CardBody>
        </Card>
      ) : null}
      <Card className="mb-6">
        <CardHeader
          title="Members"
          description={`${members.length} member${members.length === 1 ? "" : "s"}`}
        />
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Joined</Th>
              {canManage ? <Th className="text-right">Manage</Th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <Td className="font-medium">
                  {m.name ?? "—"}{" "}
                  {m.userId === user.userId ? <span className="text-xs text-zinc-400">(you)</span> : null}
                </Td>
                <Td className="text-zinc-500">{m.email}</Td>
                <Td>
                  <Badge tone={m.role === "owner" ? "violet" : m.role === "admin" ? "blue" : "neutral"}>
                    {m.role}
                  </Badge>
                </Td>
                <Td className="text-zinc-500">{dateTime(m.joinedAt).slice(0, 10)}</Td>
                {canManage ? (
                  <Td>
                    <MemberControls
                      userId={m.userId}
                      role={m.role}
                      isSelf={m.userId === user.userId}
                      canOwn={canOwn}
                    />
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      {canManage && invites.length > 0 ? (
        <Card className="mb-6">
          <CardHeader title="Pending invites" />
          <Table>
            <thead>
              <tr>
                <Th>Email</Th>
                <Th>Role</Th>
                <Th>Expires</Th>
                <Th className="text-right" />
              </tr>
            </thead>
            <tbody>
              {invites.map((i) => (
                <tr key={i.id}>
                  <Td>{i.email}</Td>
                  <Td>{i.role}</Td>
                  <Td className="text-zinc-500">{dateTime(i.expiresAt)}</Td>
                  <Td>
                    <RevokeInviteButton inviteId={i.id} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      <Card>
        <CardHeader
          title="Roles and permissions"
          description="owner > admin > member. Every page, action and export checks this on the server."
        />
        <Table>
          <thead>
            <tr>
              <Th>Permission</Th>
              {ROLES.map((r) => (
                <Th key={r} className="text-center">
                  {r}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody data-testid="permission-matrix">
            {(Object.keys(PERMISSIONS) as Permission[]).map((p) => (
              <tr key={p}>
                <Td>{PERMISSION_LABELS[p]}</Td>
                {ROLES.map((r) => (
                  <Td key={r} className="text-center">
                    {roleAtLeast(r, PERMISSIONS[p]) ? (
                      <span className="text-emerald-600">
                        ✓<span className="sr-only"> allowed</span>
                      </span>
                    ) : (
                      <span className="text-zinc-300 dark:text-zinc-600">
                        —<span className="sr-only"> not allowed</span>
                      </span>
                    )}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
