import { createDb, type DbHandle, newId } from "@switchyard/db";
import { testDatabaseUrl } from "@switchyard/db/testing";
import type { UsageJob } from "@switchyard/queue";
import { grantPromotionalCredit } from "../src/grants.ts";
import type { HoldRequest } from "../src/holds/types.ts";

export function testDb(max = 8): DbHandle {
  return createDb(testDatabaseUrl(), { max });
}

export async function fund(handle: DbHandle, orgId: string, amountNanos: bigint): Promise<void> {
  await grantPromotionalCredit(handle.db, {
    orgId,
    amountNanos,
    idempotencyKey: `test-fund:${newId("txn")}`,
    description: "test funding",
  });
}

export function usageJob(
  orgId: string,
  keyId: string | null,
  costNanos: bigint,
  overrides: Partial<UsageJob> = {},
): UsageJob {
  return {
    generationId: newId("gen"),
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
    completionTokens: 20,
    cachedTokens: 0,
    reasoningTokens: 0,
    costNanos: costNanos.toString(),
    latencyMs: 100,
    ttftMs: 50,
    routeTrace: { candidates: [] },
    error: null,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Polls until `check` returns true or the deadline passes. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met before the deadline");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A hold request for a fresh generation (one minute to live unless told otherwise). */
export function hold(
  orgId: string,
  keyId: string,
  amountNanos: bigint,
  keyLimitNanos: bigint | null = null,
  ttlMs = 60_000,
): HoldRequest {
  return { generationId: newId("gen"), orgId, keyId, keyLimitNanos, amountNanos, ttlMs };
}
