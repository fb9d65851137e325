import type { CatalogEndpoint, Exclusion } from "../../types.ts";

/** Parameters that act as a soft filter even without `require_parameters` (OpenRouter behaviour). */
export const SOFT_PARAMETERS = ["tools", "response_format"] as const;

/**
 * Without `require_parameters`, `tools` and `response_format` still steer routing: for each model,
 * when at least one of its endpoints that survived every hard filter supports the parameter, the
 * ones that do not are excluded. It runs last so it can never remove a model from the candidates.
 */
export function softParameterExclusions(
  survivors: readonly CatalogEndpoint[],
  usedParameters: readonly string[],
): Map<string, Exclusion> {
  const used = SOFT_PARAMETERS.filter((p) => usedParameters.includes(p));
  const exclusions = new Map<string, Exclusion>();
  if (used.length === 0) return exclusions;
  const byModel = new Map<string, CatalogEndpoint[]>();
  for (const endpoint of survivors) {
    byModel.set(endpoint.modelId, [...(byModel.get(endpoint.modelId) ?? []), endpoint]);
  }
  for (const endpoints of byModel.values()) {
    const enforced = used.filter((p) => endpoints.some((e) => e.supportedParameters.includes(p)));
    for (const endpoint of endpoints) {
      const missing = enforced.filter((p) => !endpoint.supportedParameters.includes(p));
      if (missing.length === 0) continue;
      exclusions.set(endpoint.id, {
        excludedBy: "require_parameters",
        reason: `${endpoint.provider.name} does not support ${missing.join(", ")}; other endpoints of ${endpoint.modelId} do`,
        details: missing,
      });
    }
  }
  return exclusions;
}
