import {
  type Catalog,
  DEFAULT_DATA_POLICY,
  DEFAULT_PREFERENCES,
  type OrgDataPolicy,
  type OrgProviderPreferences,
  planRoute,
} from "@switchyard/routing";

export interface UnavailableModel {
  modelId: string;
  name: string;
  /** The router's own explanation, e.g. "No endpoints match your data policy". */
  reason: string;
  code: string;
}

export interface PolicyPreview {
  totalModels: number;
  unavailable: UnavailableModel[];
}

/** Models for which the router finds no endpoint under these rules (planRoute per model, no health). */
export function previewPolicy(
  catalog: Catalog,
  policy: OrgDataPolicy = DEFAULT_DATA_POLICY,
  preferences: OrgProviderPreferences = DEFAULT_PREFERENCES,
): PolicyPreview {
  const unavailable: UnavailableModel[] = [];
  for (const model of catalog.models.values()) {
    const plan = planRoute({
      catalog,
      policy,
      preferences,
      request: { model: model.id, usedParameters: [], estimatedPromptTokens: 1 },
      health: () => undefined,
      now: Date.now(),
      random: () => 0.5,
    });
    if (plan.error)
      unavailable.push({
        modelId: model.id,
        name: model.name,
        reason: plan.error.message,
        code: plan.error.code,
      });
  }
  unavailable.sort((a, b) => a.modelId.localeCompare(b.modelId));
  return { totalModels: catalog.models.size, unavailable };
}

/** Models that a proposed change makes unavailable compared with the current rules. */
export function newlyUnavailable(before: PolicyPreview, after: PolicyPreview): UnavailableModel[] {
  const was = new Set(before.unavailable.map((m) => m.modelId));
  return after.unavailable.filter((m) => !was.has(m.modelId));
}
