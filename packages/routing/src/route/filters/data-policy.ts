import type { CatalogEndpoint, Exclusion, OrgDataPolicy } from "../../types.ts";
import { matchesAny } from "../provider-slug.ts";

const ORG = "your organization's data policy";

/** Filter 1: the org's data-policy rules. Nothing in a request can re-admit what this excludes. */
export function dataPolicyExclusion(endpoint: CatalogEndpoint, policy: OrgDataPolicy): Exclusion | undefined {
  const { provider } = endpoint;
  const model = endpoint.modelId.toLowerCase();
  if (policy.blockedModels.some((blocked) => blocked.trim().toLowerCase() === model)) {
    return { excludedBy: "model_blocked", reason: `${ORG} blocks the model ${endpoint.modelId}` };
  }
  if (matchesAny(provider.id, policy.blockedProviders)) {
    return { excludedBy: "provider_blocked", reason: `${ORG} blocks the provider ${provider.name}` };
  }
  if (policy.denyTraining && provider.trainsOnPrompts) {
    return {
      excludedBy: "data_policy:training",
      reason: `${provider.name} may train on prompts; ${ORG} denies training`,
    };
  }
  if (policy.denyRetention && provider.retainsPrompts) {
    return {
      excludedBy: "data_policy:retention",
      reason: `${provider.name} retains prompts; ${ORG} denies retention`,
    };
  }
  if (policy.zdrOnly && !provider.zdr) {
    return {
      excludedBy: "data_policy:zdr",
      reason: `${provider.name} is not zero-data-retention; ${ORG} requires ZDR endpoints`,
    };
  }
  const regions = policy.allowedRegions.map((region) => region.trim().toLowerCase());
  if (regions.length > 0 && !regions.includes(provider.region.toLowerCase())) {
    return {
      excludedBy: "data_region",
      reason: `${provider.name} runs in region "${provider.region}"; ${ORG} allows only ${regions.join(", ")}`,
    };
  }
  return undefined;
}
