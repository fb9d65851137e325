import type { ChatCompletion } from "@switchyard/providers";
import type { Context } from "hono";
import type { GatewayDeps } from "../deps.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { sendJson } from "../http/send-json.ts";
import { costOf, finishGeneration, type GenerationOutcome } from "./finish-generation.ts";
import type { PreparedChat } from "./prepare-chat.ts";
import { requestSignal } from "./request-signal.ts";
import { generationHeaders, ownTimeMs, usageWithCost } from "./response-shape.ts";
import { AllAttemptsFailed, type AttemptSuccess, runAttempts } from "./run-attempts.ts";
import { apiErrorFromUpstream } from "./upstream-failure.ts";
import { upstreamRequest } from "./upstream-request.ts";

/** Non-streaming chat: call with fallback, bill, answer in the OpenAI shape plus our extras. */
export async function completeChat(
  deps: GatewayDeps,
  c: Context<GatewayEnv>,
  chat: PreparedChat,
): Promise<Response> {
  let success: AttemptSuccess<ChatCompletion>;
  const request = requestSignal(c, deps.config.requestDeadlineMs);
  try {
    success = await runAttempts(deps, chat, request.signal, (attempt, signal, onWait) =>
      deps.upstream
        .adapter(attempt.endpoint)
        .complete(upstreamRequest(chat.body, attempt), deps.upstream.target(attempt.endpoint), {
          signal,
          timeoutMs: deps.config.upstreamTimeoutMs,
          onWait,
        }),
    );
  } catch (error) {
    request.dispose();
    await failGeneration(deps, chat, error);
    throw error instanceof AllAttemptsFailed
      ? apiErrorFromUpstream(error.lastError, error.lastAttempt?.endpoint.provider.name ?? "upstream")
      : error;
  }
  request.dispose();
  const { attempt, result, upstreamMs } = success;
  const { endpoint } = attempt;
  const choice = result.choices[0];
  const outcome: GenerationOutcome = {
    status: "success",
    endpoint,
    usage: result.usage,
    upstreamId: result.id,
    finishReason: choice?.finish_reason ?? null,
    nativeFinishReason: choice?.native_finish_reason ?? null,
    streamed: false,
    ttftMs: null,
    error: null,
  };
  const cost = costOf(outcome);
  // Health, stickiness and the usage record. Inline settlement (embedded mode) finishes before the
  // answer, so the generation is queryable once it arrives; otherwise this runs after the answer
  // has left, off the caller's critical path (the credit hold covers the request until settled).
  const record = async () => {
    deps.health.recordSuccess(endpoint.id, {
      latencyMs: upstreamMs,
      outputTokens: result.usage.completion_tokens,
      generationMs: upstreamMs,
    });
    if (chat.conversation)
      await deps.sticky.set(chat.key.orgId, chat.conversation, chat.requestedModel, endpoint.id);
    await finishGeneration(deps, chat, outcome, cost);
  };
  if (deps.config.awaitSettlement) await record();
  const overheadMs = ownTimeMs(chat.startedAt, upstreamMs);
  deps.overhead.observe({ streamed: false }, overheadMs);
  const answer = sendJson(
    c,
    200,
    {
      id: chat.generationId,
      object: "chat.completion",
      created: Math.floor(chat.createdAt.getTime() / 1000),
      model: endpoint.modelId,
      provider: endpoint.provider.name,
      choices: result.choices,
      usage: usageWithCost(result.usage, cost),
    },
    generationHeaders(chat.generationId, endpoint.provider.name, overheadMs),
  );
  if (!deps.config.awaitSettlement) {
    record().catch((error: unknown) =>
      deps.logger.error({ err: error, generationId: chat.generationId }, "recording a generation failed"),
    );
  }
  return answer;
}

/** A request that never got an answer is still recorded (status error, cost 0) and its hold released. */
export async function failGeneration(deps: GatewayDeps, chat: PreparedChat, error: unknown): Promise<void> {
  const failed = error instanceof AllAttemptsFailed ? error : undefined;
  const cancelled = failed?.lastError.code === "cancelled";
  await finishGeneration(
    deps,
    chat,
    {
      status: cancelled ? "cancelled" : "error",
      endpoint: failed?.lastAttempt?.endpoint,
      usage: undefined,
      finishReason: "error",
      nativeFinishReason: null,
      streamed: false,
      ttftMs: null,
      error: {
        code: failed?.lastError.code ?? "internal",
        message: failed?.lastError.message.slice(0, 500) ?? "internal error",
        status: failed?.lastError.status ?? 500,
      },
    },
    0n,
  );
}
