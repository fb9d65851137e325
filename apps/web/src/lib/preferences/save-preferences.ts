import { orgProviderPreferences, providers } from "@switchyard/db";
import type { OrgProviderPreferences } from "@switchyard/routing";
import { z } from "zod";
import { checkMembership } from "../authz/check.ts";
import { PERMISSIONS } from "../authz/permissions.ts";
import { UserError } from "../errors.ts";
import type { Scope, ServiceDeps } from "../service.ts";

const slugList = z.array(z.string().trim().min(1).max(100)).max(100);

export const preferencesSchema = z.object({
  sort: z.enum(["balanced", "price", "latency", "throughput"]),
  order: slugList,
  ignoredProviders: slugList,
  allowedProviders: slugList,
  allowFallbacks: z.boolean(),
});

const unique = (values: string[]) => [...new Set(values)];

/** Checks every slug names a known provider; returns the list de-duplicated in order. */
export async function knownProviders(
  deps: Pick<ServiceDeps, "db">,
  slugs: string[],
  field: string,
): Promise<string[]> {
  if (slugs.length === 0) return [];
  const known = new Set((await deps.db.select({ id: providers.id }).from(providers)).map((p) => p.id));
  const unknown = slugs.filter((slug) => !known.has(slug));
  if (unknown.length > 0) throw new UserError(`${field}: unknown provider ${unknown.join(", ")}.`);
  return unique(slugs);
}

/** Saves the org's provider preferences (admin) and tells gateways to reload them. */
export async function savePreferences(
  deps: ServiceDeps,
  scope: Scope,
  input: OrgProviderPreferences,
): Promise<OrgProviderPreferences> {
  const { orgId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageRouting);
  const parsed = preferencesSchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid preferences.");
  const value: OrgProviderPreferences = {
    sort: parsed.data.sort,
    order: await knownProviders(deps, parsed.data.order, "Preferred providers"),
    ignoredProviders: await knownProviders(deps, parsed.data.ignoredProviders, "Ignored providers"),
    allowedProviders: await knownProviders(deps, parsed.data.allowedProviders, "Allowed providers"),
    allowFallbacks: parsed.data.allowFallbacks,
  };
  const overlap = value.allowedProviders.filter((p) => value.ignoredProviders.includes(p));
  if (overlap.length > 0)
    throw new UserError(`A provider cannot be both allowed and ignored: ${overlap.join(", ")}.`);
  await deps.db
    .insert(orgProviderPreferences)
    .values({ orgId, ...value })
    .onConflictDoUpdate({ target: orgProviderPreferences.orgId, set: { ...value, updatedAt: new Date() } });
  await deps.publish({ type: "org", orgId });
  return value;
}
