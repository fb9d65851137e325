import { type CallSignal, UpstreamError } from "@switchyard/providers";
import type { GatewayDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import type { PlannedAttempt } from "./credit-hold.ts";
import type { PreparedChat } from "./prepare-chat.ts";
import { asUpstreamError, countsAgainstHealth, failureFromAbort } from "./upstream-failure.ts";

export interface AttemptSuccess<T> {
  attempt: PlannedAttempt;
  result: T;
  /**
   * ms spent waiting on upstreams (request sent until its headers, reading a whole body), failed
   * attempts included. Building the upstream request and parsing its answer are the gateway's own.
   */
  upstreamMs: number;
}

export class AllAttemptsFailed extends Error {
  constructor(
    readonly lastError: UpstreamError,
    readonly lastAttempt: PlannedAttempt | undefined,
    readonly upstreamMs: number,
  ) {
    super(lastError.message);
  }
}

/**
 * Tries the planned endpoints in order. A retryable failure before anything reached the client
 * moves on to the next endpoint, within the request deadline; anything else ends the loop.
 * Every attempt lands in the route trace and the health model.
 */
export async function runAttempts<T>(
  deps: GatewayDeps,
  chat: PreparedChat,
  clientSignal: CallSignal,
  call: (attempt: PlannedAttempt, signal: CallSignal, onWait: (ms: number) => void) => Promise<T>,
): Promise<AttemptSuccess<T>> {
  const deadline = chat.startedAt + deps.config.requestDeadlineMs;
  let upstreamMs = 0;
  const onWait = (ms: number) => {
    upstreamMs += ms;
  };
  let lastError: UpstreamError | undefined;
  let lastAttempt: PlannedAttempt | undefined;
  for (const attempt of chat.attempts) {
    const remaining = deadline - performance.now();
    if (remaining <= 0 || clientSignal.aborted) break;
    const { endpoint } = attempt;
    const started = performance.now();
    try {
      const result = await call(attempt, clientSignal, onWait);
      const elapsed = performance.now() - started;
      chat.plan.trace.attempts.push({
        endpointId: endpoint.id,
        providerId: endpoint.provider.id,
        modelId: endpoint.modelId,
        status: "success",
        httpStatus: 200,
        latencyMs: Math.round(elapsed),
      });
      return { attempt, result, upstreamMs };
    } catch (raw) {
      const elapsed = performance.now() - started;
      if (!(raw instanceof UpstreamError) && !clientSignal.aborted) {
        deps.logger.error(
          { err: raw, generationId: chat.generationId },
          "unexpected failure calling upstream",
        );
      }
      const error = clientSignal.aborted ? failureFromAbort(clientSignal) : asUpstreamError(raw);
      lastError = error;
      lastAttempt = attempt;
      chat.plan.trace.attempts.push({
        endpointId: endpoint.id,
        providerId: endpoint.provider.id,
        modelId: endpoint.modelId,
        status: "error",
        httpStatus: error.upstreamStatus ?? error.status,
        errorCode: error.code,
        retryable: error.retryable,
        latencyMs: Math.round(elapsed),
      });
      if (countsAgainstHealth(error))
        deps.health.recordFailure(endpoint.id, { status: error.upstreamStatus, code: error.code });
      deps.logger.warn(
        {
          generationId: chat.generationId,
          orgId: chat.key.orgId,
          provider: endpoint.provider.id,
          code: error.code,
        },
        "upstream attempt failed",
      );
      if (!error.retryable) break;
    }
  }
  if (!lastError) {
    throw new ApiError(408, "timeout", "The request deadline passed before any provider answered.");
  }
  throw new AllAttemptsFailed(lastError, lastAttempt, upstreamMs);
}
