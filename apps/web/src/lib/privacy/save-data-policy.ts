import { models, orgDataPolicies } from "@switchyard/db";
import type { OrgDataPolicy } from "@switchyard/routing";
import { z } from "zod";
import { checkMembership } from "../authz/check.ts";
import { PERMISSIONS } from "../authz/permissions.ts";
import { UserError } from "../errors.ts";
import { knownProviders } from "../preferences/save-preferences.ts";
import type { Scope, ServiceDeps } from "../service.ts";

const list = z.array(z.string().trim().min(1).max(200)).max(500);

export const dataPolicySchema = z.object({
  denyTraining: z.boolean(),
  denyRetention: z.boolean(),
  zdrOnly: z.boolean(),
  allowedRegions: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z]{2,12}$/, "Regions look like us or eu."),
    )
    .max(20),
  blockedProviders: list,
  blockedModels: list,
});

/** Saves the org's data-policy rules (admin) and tells gateways to reload them. */
export async function saveDataPolicy(
  deps: ServiceDeps,
  scope: Scope,
  input: OrgDataPolicy,
): Promise<OrgDataPolicy> {
  const { orgId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageDataPolicy);
  const parsed = dataPolicySchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid data policy.");
  const knownModels = new Set((await deps.db.select({ id: models.id }).from(models)).map((m) => m.id));
  const unknownModels = parsed.data.blockedModels.filter((m) => !knownModels.has(m));
  if (unknownModels.length > 0)
    throw new UserError(`Blocked models: unknown model ${unknownModels.join(", ")}.`);
  const value: OrgDataPolicy = {
    ...parsed.data,
    allowedRegions: [...new Set(parsed.data.allowedRegions)],
    blockedModels: [...new Set(parsed.data.blockedModels)],
    blockedProviders: await knownProviders(deps, parsed.data.blockedProviders, "Blocked providers"),
  };
  await deps.db
    .insert(orgDataPolicies)
    .values({ orgId, ...value })
    .onConflictDoUpdate({ target: orgDataPolicies.orgId, set: { ...value, updatedAt: new Date() } });
  await deps.publish({ type: "org", orgId });
  return value;
}
