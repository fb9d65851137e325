import type { CatalogEndpoint, Exclusion, RoutingRequest } from "../../types.ts";

/** Implicit filters: the endpoint must fit `max_tokens` and prompt + `max_tokens` in its context. */
export function limitExclusion(
  endpoint: CatalogEndpoint,
  request: Pick<RoutingRequest, "maxTokens" | "estimatedPromptTokens">,
): Exclusion | undefined {
  const name = endpoint.provider.name;
  if (request.maxTokens !== undefined && request.maxTokens > endpoint.maxOutputTokens) {
    return {
      excludedBy: "max_tokens",
      reason: `${name} returns at most ${endpoint.maxOutputTokens} output tokens; the request asked for max_tokens ${request.maxTokens}`,
    };
  }
  const needed = request.estimatedPromptTokens + (request.maxTokens ?? 0);
  if (needed > endpoint.contextLength) {
    return {
      excludedBy: "context_length",
      reason: `${name} has a ${endpoint.contextLength}-token context; the request needs about ${needed} (prompt + max_tokens)`,
    };
  }
  return undefined;
}
