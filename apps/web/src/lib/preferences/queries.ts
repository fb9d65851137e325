import { type Database, orgDataPolicies, orgProviderPreferences } from "@switchyard/db";
import {
  DEFAULT_DATA_POLICY,
  DEFAULT_PREFERENCES,
  type OrgDataPolicy,
  type OrgProviderPreferences,
} from "@switchyard/routing";
import { eq } from "drizzle-orm";

export async function getPreferences(
  db: Pick<Database, "select">,
  orgId: string,
): Promise<OrgProviderPreferences> {
  const [row] = await db.select().from(orgProviderPreferences).where(eq(orgProviderPreferences.orgId, orgId));
  if (!row) return { ...DEFAULT_PREFERENCES };
  return {
    sort: row.sort,
    order: row.order,
    ignoredProviders: row.ignoredProviders,
    allowedProviders: row.allowedProviders,
    allowFallbacks: row.allowFallbacks,
  };
}

export async function getDataPolicy(db: Pick<Database, "select">, orgId: string): Promise<OrgDataPolicy> {
  const [row] = await db.select().from(orgDataPolicies).where(eq(orgDataPolicies.orgId, orgId));
  if (!row) return { ...DEFAULT_DATA_POLICY };
  return {
    denyTraining: row.denyTraining,
    denyRetention: row.denyRetention,
    zdrOnly: row.zdrOnly,
    allowedRegions: row.allowedRegions,
    blockedProviders: row.blockedProviders,
    blockedModels: row.blockedModels,
  };
}
