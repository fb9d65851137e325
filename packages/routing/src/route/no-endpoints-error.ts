import type { Exclusion, ExclusionReason, NoEndpointsError } from "../types.ts";

/** Exclusions that come from data-policy rules (the org's, or the request's data_collection / zdr). */
const DATA_POLICY_REASONS: ReadonlySet<ExclusionReason> = new Set<ExclusionReason>([
  "model_blocked",
  "provider_blocked",
  "data_policy:training",
  "data_policy:retention",
  "data_policy:zdr",
  "data_region",
]);

/** Labels, in pipeline order: the summary message lists filters in this order. */
const LABELS: Record<ExclusionReason, string> = {
  model_blocked: "data policy (blocked model)",
  provider_blocked: "data policy (blocked provider)",
  "data_policy:training": "data policy (training)",
  "data_policy:retention": "data policy (retention)",
  "data_policy:zdr": "data policy (zdr)",
  data_region: "data policy (region)",
  org_ignored_provider: "ignored providers",
  org_allowed_providers: "allowed providers",
  request_only: "provider.only",
  request_ignore: "provider.ignore",
  quantization: "quantizations",
  require_parameters: "require_parameters",
  max_price: "max_price",
  max_tokens: "max_tokens",
  context_length: "context_length",
  request_order_only: "provider.order without fallbacks",
  org_order_only: "organization provider order without fallbacks",
  circuit_open: "circuit_open",
};

const PIPELINE_ORDER = Object.keys(LABELS) as ExclusionReason[];

export function isDataPolicyReason(reason: ExclusionReason): boolean {
  return DATA_POLICY_REASONS.has(reason);
}

/**
 * The 404 for "nothing left to route to": `privacy_restricted` when only data-policy rules excluded
 * endpoints, `constraint_filtered` otherwise, with a message counting each filter, e.g.
 * "No endpoints for m: 2 excluded by data policy (training), 1 by max_price, 1 by require_parameters (tools)".
 */
export function noEndpointsError(
  models: readonly string[],
  exclusions: readonly Exclusion[],
): NoEndpointsError {
  const groups = new Map<ExclusionReason, { count: number; details: string[] }>();
  for (const exclusion of exclusions) {
    const group = groups.get(exclusion.excludedBy) ?? { count: 0, details: [] };
    group.count += 1;
    for (const detail of exclusion.details ?? [])
      if (!group.details.includes(detail)) group.details.push(detail);
    groups.set(exclusion.excludedBy, group);
  }
  const sorted = [...groups].sort(([a], [b]) => PIPELINE_ORDER.indexOf(a) - PIPELINE_ORDER.indexOf(b));
  const parts = sorted.map(([reason, { count, details }], i) => {
    const label = details.length > 0 ? `${LABELS[reason]} (${details.join(", ")})` : LABELS[reason];
    return `${count} ${i === 0 ? "excluded by " : "by "}${label}`;
  });
  const excludedBy = sorted.map(([reason]) => reason);
  const privacy = excludedBy.length > 0 && excludedBy.every(isDataPolicyReason);
  return {
    code: privacy ? "privacy_restricted" : "constraint_filtered",
    status: 404,
    message: `No endpoints for ${models.join(", ")}: ${parts.join(", ")}`,
    excludedBy,
  };
}
