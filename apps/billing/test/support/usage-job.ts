import type { UsageJob } from "@switchyard/queue";

export function usageJob(orgId: string, keyId: string, generationId: string, costNanos: bigint): UsageJob {
  return {
    generationId,
    orgId,
    keyId,
    requestedModel: "openai/gpt-4o",
    modelId: "openai/gpt-4o",
    providerId: "openai",
    endpointId: null,
    upstreamId: null,
    sessionId: null,
    status: "success",
    finishReason: "stop",
    nativeFinishReason: "stop",
    streamed: false,
    promptTokens: 10,
    completionTokens: 10,
    cachedTokens: 0,
    reasoningTokens: 0,
    costNanos: costNanos.toString(),
    latencyMs: 5,
    ttftMs: 2,
    routeTrace: { candidates: [] },
    error: null,
    createdAt: new Date().toISOString(),
  };
}
