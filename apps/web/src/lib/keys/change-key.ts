import { apiKeys } from "@switchyard/db";
import { and, eq } from "drizzle-orm";
import { checkMembership } from "../authz/check.ts";
import { PERMISSIONS } from "../authz/permissions.ts";
import { UserError } from "../errors.ts";
import type { Scope, ServiceDeps } from "../service.ts";

/** Disables or re-enables a key of the scope's org (admin) and tells gateways to drop it. */
export async function setKeyDisabled(
  deps: ServiceDeps,
  scope: Scope,
  keyId: string,
  disabled: boolean,
): Promise<void> {
  const { orgId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageKeys);
  const [row] = await deps.db
    .update(apiKeys)
    .set({ disabled })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.orgId, orgId)))
    .returning({ keyHash: apiKeys.keyHash });
  if (!row) throw new UserError("That key does not exist in this organization.");
  await deps.publish({ type: "key", keyHash: row.keyHash });
}

/** Deletes a key of the scope's org (admin); its generations stay in history. */
export async function deleteKey(deps: ServiceDeps, scope: Scope, keyId: string): Promise<void> {
  const { orgId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageKeys);
  const [row] = await deps.db
    .delete(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.orgId, orgId)))
    .returning({ keyHash: apiKeys.keyHash });
  if (!row) throw new UserError("That key does not exist in this organization.");
  await deps.publish({ type: "key", keyHash: row.keyHash });
}
