import { nanosToDollarNumber } from "@switchyard/config";
import { generations } from "@switchyard/db";
import { endpointNamesIn, readRouteTrace } from "@switchyard/routing";
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { requireKey } from "../auth/require-key.ts";
import type { GatewayDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import type { GatewayEnv } from "../hono-env.ts";

/** `GET /generation?id=`: the caller's own generation, with its route trace and every attempt. */
export function generationRoute(deps: GatewayDeps) {
  return new Hono<GatewayEnv>().get("/generation", requireKey(deps, { rateLimited: false }), async (c) => {
    const id = c.req.query("id");
    if (!id) throw new ApiError(400, "invalid_request", "Query parameter `id` is required.", { param: "id" });
    const [row] = await deps.db
      .select()
      .from(generations)
      .where(and(eq(generations.id, id), eq(generations.orgId, c.var.key.orgId)));
    if (!row) {
      throw new ApiError(
        404,
        "generation_not_found",
        `Generation ${id} not found (it can take a moment to appear).`,
        {
          param: "id",
        },
      );
    }
    const catalog = deps.catalog.current();
    const trace = readRouteTrace(row.routeTrace, endpointNamesIn(catalog));
    return c.json({
      data: {
        id: row.id,
        created_at: row.createdAt.toISOString(),
        model: row.modelId ?? row.requestedModel,
        requested_model: row.requestedModel,
        provider_name: row.providerId
          ? (catalog.providers.get(row.providerId)?.name ?? row.providerId)
          : null,
        provider: row.providerId,
        upstream_id: row.upstreamId,
        session_id: row.sessionId,
        status: row.status,
        streamed: row.streamed,
        cancelled: row.status === "cancelled",
        finish_reason: row.finishReason,
        native_finish_reason: row.nativeFinishReason,
        latency: row.latencyMs,
        ttft: row.ttftMs,
        tokens_prompt: row.promptTokens,
        tokens_completion: row.completionTokens,
        native_tokens_prompt: row.promptTokens,
        native_tokens_completion: row.completionTokens,
        native_tokens_cached: row.cachedTokens,
        native_tokens_reasoning: row.reasoningTokens,
        total_cost: nanosToDollarNumber(row.costNanos),
        cost_nanos: row.costNanos.toString(),
        is_byok: false,
        error: row.error,
        route_trace: trace,
        provider_responses: (trace?.attempts ?? []).map((a) => ({
          endpoint_id: a.endpointId,
          provider_name: catalog.providers.get(a.providerId)?.name ?? a.providerId,
          model_permaslug: a.modelId,
          status: a.httpStatus ?? null,
          latency: a.latencyMs,
          is_byok: false,
        })),
      },
    });
  });
}
