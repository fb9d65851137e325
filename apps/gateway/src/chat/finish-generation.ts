import type { Usage } from "@switchyard/providers";
import type { UsageJob } from "@switchyard/queue";
import { actualCostNanos, type CatalogEndpoint, storeRouteTrace } from "@switchyard/routing";
import type { GatewayDeps } from "../deps.ts";
import type { PreparedChat } from "./prepare-chat.ts";

export interface GenerationOutcome {
  status: "success" | "error" | "cancelled";
  endpoint: CatalogEndpoint | undefined;
  usage: Usage | undefined;
  upstreamId?: string | null;
  finishReason: string | null;
  nativeFinishReason: string | null;
  streamed: boolean;
  ttftMs: number | null;
  error: { code: string; message: string; status: number } | null;
}

/**
 * What the caller pays. Zero-completion insurance, as in the reference system: an error finish or
 * an empty answer with no finish reason costs nothing.
 */
export function costOf(outcome: GenerationOutcome): bigint {
  if (!outcome.endpoint || !outcome.usage) return 0n;
  if (outcome.status === "error" || outcome.finishReason === "error") return 0n;
  if (outcome.usage.completion_tokens === 0 && !outcome.finishReason) return 0n;
  return actualCostNanos(outcome.endpoint, {
    promptTokens: outcome.usage.prompt_tokens,
    completionTokens: outcome.usage.completion_tokens,
    cachedTokens: outcome.usage.prompt_tokens_details?.cached_tokens ?? 0,
  });
}

/**
 * Hands the finished request to settlement as a usage record (the sink sends a window's records as
 * one job; a replayed generation id is skipped). The worker writes the generation row, the ledger
 * debit and the rollup, then releases the hold, or takes the cost off the lease the hold came from,
 * whose unspent rest goes back to it here at once.
 */
export async function finishGeneration(
  deps: GatewayDeps,
  chat: PreparedChat,
  outcome: GenerationOutcome,
  costNanos: bigint,
): Promise<void> {
  const job: UsageJob = {
    generationId: chat.generationId,
    orgId: chat.key.orgId,
    keyId: chat.key.keyId,
    requestedModel: chat.requestedModel,
    modelId: outcome.endpoint?.modelId ?? null,
    providerId: outcome.endpoint?.provider.id ?? null,
    endpointId: outcome.endpoint?.id ?? null,
    upstreamId: outcome.upstreamId ?? null,
    sessionId: chat.body.session_id ?? null,
    status: outcome.status,
    finishReason: outcome.finishReason,
    nativeFinishReason: outcome.nativeFinishReason,
    streamed: outcome.streamed,
    promptTokens: outcome.usage?.prompt_tokens ?? 0,
    completionTokens: outcome.usage?.completion_tokens ?? 0,
    cachedTokens: outcome.usage?.prompt_tokens_details?.cached_tokens ?? 0,
    reasoningTokens: outcome.usage?.completion_tokens_details?.reasoning_tokens ?? 0,
    costNanos: costNanos.toString(),
    latencyMs: Math.max(0, Math.round(performance.now() - chat.startedAt)),
    ttftMs: outcome.ttftMs === null ? null : Math.max(0, Math.round(outcome.ttftMs)),
    routeTrace: storeRouteTrace(chat.plan.trace),
    error: outcome.error,
    createdAt: chat.createdAt.toISOString(),
    holdLease: chat.holdLease,
  };
  deps.holds.finish?.(chat.generationId, costNanos);
  try {
    await deps.usage.submit(job);
  } catch (error) {
    // The hold stays until it expires, so the balance stays protected; the job must be replayed.
    deps.logger.error(
      { err: error, generationId: chat.generationId, orgId: chat.key.orgId },
      "usage submit failed",
    );
  }
}
