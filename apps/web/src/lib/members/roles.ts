import { memberships } from "@switchyard/db";
import { and, eq, sql } from "drizzle-orm";
import { checkMembership } from "../authz/check.ts";
import { PERMISSIONS } from "../authz/permissions.ts";
import { isRole, type Role } from "../authz/roles.ts";
import { UserError } from "../errors.ts";
import type { Scope, ServiceDeps } from "../service.ts";

type Tx = Parameters<Parameters<ServiceDeps["db"]["transaction"]>[0]>[0];

async function targetRole(tx: Tx, orgId: string, userId: string): Promise<Role> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .for("update");
  if (!row) throw new UserError("That person is not a member of this organization.");
  return row.role;
}

async function assertAnotherOwner(tx: Tx, orgId: string): Promise<void> {
  const [row] = await tx
    .select({ owners: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")));
  if ((row?.owners ?? 0) <= 1)
    throw new UserError("An organization needs at least one owner. Make someone else owner first.");
}

/** Changes a member's role (admin; owner when an owner is involved). Keeps at least one owner. */
export async function changeRole(
  deps: ServiceDeps,
  scope: Scope,
  userId: string,
  role: string,
): Promise<void> {
  const { orgId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageMembers);
  if (!isRole(role)) throw new UserError("Unknown role.");
  await deps.db.transaction(async (tx) => {
    const current = await targetRole(tx, orgId, userId);
    if (current === role) return;
    if (current === "owner" || role === "owner")
      await checkMembership(tx, scope.actor, orgId, PERMISSIONS.manageOwners);
    if (current === "owner") await assertAnotherOwner(tx, orgId);
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  });
}

/** Removes a member (admin; owner to remove an owner). Keeps at least one owner. */
export async function removeMember(deps: ServiceDeps, scope: Scope, userId: string): Promise<void> {
  const { orgId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageMembers);
  await deps.db.transaction(async (tx) => {
    const current = await targetRole(tx, orgId, userId);
    if (current === "owner") {
      await checkMembership(tx, scope.actor, orgId, PERMISSIONS.manageOwners);
      await assertAnotherOwner(tx, orgId);
    }
    await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  });
}
