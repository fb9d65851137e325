import { type Database, orgDataPolicies, orgProviderPreferences } from "@switchyard/db";
import {
  DEFAULT_DATA_POLICY,
  DEFAULT_PREFERENCES,
  type OrgDataPolicy,
  type OrgProviderPreferences,
} from "@switchyard/routing";
import { eq } from "drizzle-orm";
import { TtlCache } from "../auth/ttl-cache.ts";

export interface OrgSettings {
  policy: OrgDataPolicy;
  preferences: OrgProviderPreferences;
}

/** Each org's routing rules from the dashboard, cached briefly and dropped on invalidation. */
export class OrgSettingsStore {
  readonly #cache = new TtlCache<OrgSettings>(20_000, 15_000);

  constructor(private readonly db: Database) {}

  async get(orgId: string): Promise<OrgSettings> {
    const cached = this.#cache.get(orgId);
    if (cached) return cached;
    const [[policyRow], [prefRow]] = await Promise.all([
      this.db.select().from(orgDataPolicies).where(eq(orgDataPolicies.orgId, orgId)),
      this.db.select().from(orgProviderPreferences).where(eq(orgProviderPreferences.orgId, orgId)),
    ]);
    const settings: OrgSettings = {
      policy: policyRow
        ? {
            denyTraining: policyRow.denyTraining,
            denyRetention: policyRow.denyRetention,
            zdrOnly: policyRow.zdrOnly,
            allowedRegions: policyRow.allowedRegions,
            blockedProviders: policyRow.blockedProviders,
            blockedModels: policyRow.blockedModels,
          }
        : DEFAULT_DATA_POLICY,
      preferences: prefRow
        ? {
            sort: prefRow.sort,
            order: prefRow.order,
            ignoredProviders: prefRow.ignoredProviders,
            allowedProviders: prefRow.allowedProviders,
            allowFallbacks: prefRow.allowFallbacks,
          }
        : DEFAULT_PREFERENCES,
    };
    this.#cache.set(orgId, settings);
    return settings;
  }

  invalidate(orgId: string): void {
    this.#cache.delete(orgId);
  }
}
