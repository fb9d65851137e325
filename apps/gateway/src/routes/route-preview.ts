import { nanosToDollarNumber } from "@switchyard/config";
import { Hono } from "hono";
import { requireKey } from "../auth/require-key.ts";
import { parseChatRequest } from "../chat/parse-request.ts";
import { planFor, routingRequestFor } from "../chat/prepare-chat.ts";
import { conversationKey } from "../chat/request-facts.ts";
import type { GatewayDeps } from "../deps.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { requestHeader } from "../http/request-header.ts";
import { readJson } from "./read-json.ts";

const PER_MILLION = 1_000_000n;

/**
 * `POST /route/preview`: the exact plan a chat request would get right now (org rules, request
 * filters, health, sticky state), with prices and exclusion reasons, without calling a provider.
 */
export function routePreviewRoute(deps: GatewayDeps) {
  return new Hono<GatewayEnv>().post("/route/preview", requireKey(deps, { rateLimited: true }), async (c) => {
    const body = parseChatRequest(await readJson(c, deps.config.maxBodyBytes));
    await c.var.rateLimit();
    const key = c.var.key;
    const conversation = conversationKey(body, requestHeader(c, "x-session-id"));
    const routingRequest = routingRequestFor(body);
    const sticky = conversation
      ? await deps.sticky.get(key.orgId, conversation, routingRequest.model)
      : undefined;
    const plan = await planFor(deps, key.orgId, routingRequest, sticky);
    const catalog = deps.catalog.current();
    return c.json({
      data: {
        requested_models: plan.trace.requestedModels,
        strategy: plan.trace.strategy,
        allow_fallbacks: plan.trace.allowFallbacks,
        attempts: plan.attempts.map((e, rank) => ({
          rank,
          endpoint_id: e.id,
          model: e.modelId,
          provider: e.provider.id,
          provider_name: e.provider.name,
          prompt_usd_per_million: nanosToDollarNumber(e.inputPriceNanos * PER_MILLION),
          completion_usd_per_million: nanosToDollarNumber(e.outputPriceNanos * PER_MILLION),
          health: deps.health.stats(e.id),
        })),
        candidates: plan.trace.candidates.map((candidate) => ({
          ...candidate,
          provider_name: catalog.providers.get(candidate.providerId)?.name ?? candidate.providerId,
        })),
        error: plan.error ?? null,
      },
    });
  });
}
