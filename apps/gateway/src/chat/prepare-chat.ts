import { newTimeOrderedId } from "@switchyard/db";
import { planRoute, type RoutePlan, type RoutingRequest } from "@switchyard/routing";
import type { ApiKeyRecord } from "../auth/key-store.ts";
import type { GatewayDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { type PlannedAttempt, reserveCredit } from "./credit-hold.ts";
import {
  conversationKey,
  estimatePromptTokens,
  requestedMaxTokens,
  usedParameters,
} from "./request-facts.ts";
import type { ChatRequestBody } from "./request-schema.ts";

export interface PreparedChat {
  generationId: string;
  key: ApiKeyRecord;
  body: ChatRequestBody;
  requestedModel: string;
  plan: RoutePlan;
  attempts: PlannedAttempt[];
  /** The credit lease the hold came from (see LeasedCreditHolds), or null for a hold of its own. */
  holdLease: string | null;
  promptTokens: number;
  conversation: string | undefined;
  /** performance.now() when the request arrived */
  startedAt: number;
  createdAt: Date;
}

/** The routing question a request asks: shared by chat completions and the route preview. */
export function routingRequestFor(body: ChatRequestBody): RoutingRequest {
  const [first, ...rest] = body.model ? [body.model, ...(body.models ?? [])] : (body.models ?? []);
  return {
    model: first ?? "",
    models: rest,
    provider: body.provider,
    usedParameters: usedParameters(body),
    maxTokens: requestedMaxTokens(body),
    estimatedPromptTokens: estimatePromptTokens(body),
  };
}

export async function planFor(
  deps: GatewayDeps,
  orgId: string,
  request: RoutingRequest,
  stickyEndpointId?: string,
): Promise<RoutePlan> {
  const settings = await deps.orgSettings.get(orgId);
  return planRoute({
    catalog: deps.catalog.current(),
    policy: settings.policy,
    preferences: settings.preferences,
    request,
    health: deps.health.lookup,
    now: deps.clock(),
    random: deps.random,
    ...(stickyEndpointId ? { stickyEndpointId } : {}),
  });
}

export function noEndpointsError(plan: RoutePlan): ApiError {
  const error = plan.error;
  if (!error)
    return new ApiError(503, "no_endpoints", "No provider is available for this request right now.");
  return new ApiError(error.status, error.code, error.message, {
    param: error.code === "model_not_found" ? "model" : null,
    metadata: {
      error_type: error.code,
      availability: {
        code: error.code,
        retryable: false,
        requested_models: plan.trace.requestedModels,
        excluded_by: error.excludedBy,
      },
    },
  });
}

/**
 * Plans the route and reserves credit: after this, the request may call upstream. The key's
 * rate-limit check runs alongside the hold (when both need Redis, one write); a refused request
 * gives its hold straight back.
 */
export async function prepareChat(
  deps: GatewayDeps,
  key: ApiKeyRecord,
  body: ChatRequestBody,
  options: {
    sessionHeader: string | undefined;
    /** performance.now() when the request arrived */
    startedAt: number;
    checkRateLimit: () => Promise<void>;
  },
): Promise<PreparedChat> {
  const { sessionHeader, startedAt } = options;
  const routingRequest = routingRequestFor(body);
  const conversation = conversationKey(body, sessionHeader);
  const sticky = conversation
    ? await deps.sticky.get(key.orgId, conversation, routingRequest.model)
    : undefined;
  const plan = await planFor(deps, key.orgId, routingRequest, sticky);
  if (plan.error || plan.attempts.length === 0) throw noEndpointsError(plan);
  const callable = plan.attempts.filter((endpoint) => deps.upstream.isConfigured(endpoint));
  if (callable.length === 0) {
    throw new ApiError(
      503,
      "provider_not_configured",
      "No provider key is configured for the endpoints of this model.",
    );
  }
  const generationId = newTimeOrderedId("gen");
  const [verdict, hold] = await Promise.allSettled([
    options.checkRateLimit(),
    reserveCredit(deps.holds, {
      generationId,
      key,
      endpoints: callable,
      promptTokens: routingRequest.estimatedPromptTokens,
      requestedMaxTokens: routingRequest.maxTokens,
      ttlMs: deps.config.requestDeadlineMs + 60_000,
    }),
  ]);
  if (verdict.status === "rejected") {
    if (hold.status === "fulfilled") {
      deps.holds
        .release(generationId)
        .catch((error: unknown) => deps.logger.warn({ err: error }, "hold release failed"));
    }
    throw verdict.reason;
  }
  if (hold.status === "rejected") throw hold.reason;
  const { attempts, leaseId } = hold.value;
  return {
    generationId,
    key,
    body,
    requestedModel: routingRequest.model,
    plan,
    attempts,
    holdLease: leaseId,
    promptTokens: routingRequest.estimatedPromptTokens,
    conversation,
    startedAt,
    createdAt: new Date(),
  };
}
