import type { CatalogEndpoint, Exclusion, OrgProviderPreferences } from "../../types.ts";
import { matchesAny } from "../provider-slug.ts";

/** Filter 2: the org's provider preferences (ignore list, allow list). */
export function orgPreferenceExclusion(
  endpoint: CatalogEndpoint,
  preferences: OrgProviderPreferences,
): Exclusion | undefined {
  const { provider } = endpoint;
  if (matchesAny(provider.id, preferences.ignoredProviders)) {
    return {
      excludedBy: "org_ignored_provider",
      reason: `${provider.name} is on your organization's ignored providers list`,
    };
  }
  if (preferences.allowedProviders.length > 0 && !matchesAny(provider.id, preferences.allowedProviders)) {
    return {
      excludedBy: "org_allowed_providers",
      reason: `${provider.name} is not on your organization's allowed providers list`,
    };
  }
  return undefined;
}
