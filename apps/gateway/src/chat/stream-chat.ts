import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { CallSignal, ChatCompletionChunk, Usage } from "@switchyard/providers";
import type { Context } from "hono";
import type { GatewayDeps } from "../deps.ts";
import { respondWithError } from "../errors.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { type EventStream, openEventStream } from "../http/event-stream.ts";
import { failGeneration } from "./complete-chat.ts";
import { costOf, finishGeneration, type GenerationOutcome } from "./finish-generation.ts";
import type { PreparedChat } from "./prepare-chat.ts";
import { requestSignal } from "./request-signal.ts";
import { generationHeaders, ownTimeMs, usageWithCost } from "./response-shape.ts";
import { AllAttemptsFailed, type AttemptSuccess, runAttempts } from "./run-attempts.ts";
import { apiErrorFromUpstream, asUpstreamError, failureFromAbort } from "./upstream-failure.ts";
import { upstreamRequest } from "./upstream-request.ts";

/** Wait this long for the upstream before committing to a 200 and sending keep-alives instead. */
const COMMIT_AFTER_MS = 1_500;
const KEEPALIVE_EVERY_MS = 5_000;
const KEEPALIVE = ": SWITCHYARD PROCESSING\n\n";

type Opened = AttemptSuccess<AsyncIterable<ChatCompletionChunk>>;
type Settled = { ok: true; value: Opened } | { ok: false; error: unknown };

/**
 * Streaming chat. Fallback happens while nothing but keep-alive comments reached the client;
 * after the first content byte a failure ends the stream with an error chunk, then [DONE].
 */
export async function streamChat(
  deps: GatewayDeps,
  c: Context<GatewayEnv>,
  chat: PreparedChat,
): Promise<Response> {
  // The deadline covers the whole stream; the timer is cleared when the response closes.
  const request = requestSignal(c, deps.config.requestDeadlineMs);
  const opening: Promise<Settled> = runAttempts(deps, chat, request.signal, (attempt, signal, onWait) =>
    deps.upstream
      .adapter(attempt.endpoint)
      .stream(upstreamRequest(chat.body, attempt), deps.upstream.target(attempt.endpoint), {
        signal,
        timeoutMs: deps.config.upstreamTimeoutMs,
        onWait,
      }),
  ).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

  let timer: NodeJS.Timeout | undefined;
  const early = await Promise.race([
    opening,
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), COMMIT_AFTER_MS);
    }),
  ]);
  clearTimeout(timer);
  if (early && !early.ok) {
    request.dispose();
    // Nothing was sent yet: answer with a real status.
    await failGeneration(deps, chat, early.error);
    const error = early.error;
    if (error instanceof AllAttemptsFailed) {
      return respondWithError(
        c,
        apiErrorFromUpstream(error.lastError, error.lastAttempt?.endpoint.provider.name ?? "upstream"),
      );
    }
    throw error;
  }

  const provider = early?.ok ? early.value.attempt.endpoint.provider.name : "pending";
  // Our own time before the stream started flowing, minus the waits on the upstream. Unknown yet
  // when the headers leave before any provider answered; the pump measures it then.
  const overheadMs = early?.ok ? ownTimeMs(chat.startedAt, early.value.upstreamMs) : undefined;
  const events = openEventStream(
    c.env.outgoing,
    generationHeaders(chat.generationId, provider, overheadMs ?? 0),
  );
  pump(deps, chat, opening, events, request.signal, overheadMs).catch((error: unknown) => {
    deps.logger.error({ err: error, generationId: chat.generationId }, "stream pump failed");
    c.env.outgoing.destroy();
  });
  return RESPONSE_ALREADY_SENT;
}

async function pump(
  deps: GatewayDeps,
  chat: PreparedChat,
  opening: Promise<Settled>,
  events: EventStream,
  signal: CallSignal,
  overheadMs: number | undefined,
): Promise<void> {
  const { write } = events;
  let keepAlive: NodeJS.Timeout | undefined;
  const settled = await Promise.race([opening, Promise.resolve(undefined)]);
  if (!settled) {
    write(KEEPALIVE);
    keepAlive = setInterval(() => write(KEEPALIVE), KEEPALIVE_EVERY_MS);
  }
  const opened = settled ?? (await opening);
  clearInterval(keepAlive);
  const created = Math.floor(chat.createdAt.getTime() / 1000);

  if (!opened.ok) {
    await failGeneration(deps, chat, opened.error);
    const failure =
      opened.error instanceof AllAttemptsFailed ? opened.error.lastError : asUpstreamError(opened.error);
    write(errorChunk(chat, created, chat.requestedModel, "", failure.status, failure.code));
    write("data: [DONE]\n\n");
    events.end();
    return;
  }

  const { attempt, result: chunks, upstreamMs } = opened.value;
  const { endpoint } = attempt;
  const providerName = endpoint.provider.name;
  const streamStarted = performance.now();
  const ownMs = overheadMs ?? ownTimeMs(chat.startedAt, upstreamMs, streamStarted);
  let firstChunkAt: number | undefined;
  let usage: Usage | undefined;
  let finishReason: string | null = null;
  let nativeFinishReason: string | null = null;
  let upstreamId: string | null = null;
  let completionChars = 0;
  let failure: ReturnType<typeof asUpstreamError> | undefined;

  try {
    for await (const chunk of chunks) {
      upstreamId ??= chunk.id;
      if (chunk.usage) usage = chunk.usage;
      if (chunk.choices.length === 0) continue;
      if (firstChunkAt === undefined) {
        firstChunkAt = performance.now();
        deps.overhead.observe({ streamed: true }, ownMs);
      }
      for (const choice of chunk.choices) {
        completionChars += choice.delta.content?.length ?? 0;
        for (const call of choice.delta.tool_calls ?? [])
          completionChars += call.function?.arguments?.length ?? 0;
        if (choice.finish_reason) {
          finishReason = choice.finish_reason;
          nativeFinishReason = choice.native_finish_reason ?? null;
        }
      }
      write(
        `data: ${JSON.stringify({ ...chunk, id: chat.generationId, model: endpoint.modelId, provider: providerName, usage: undefined })}\n\n`,
      );
      // A slow reader holds the upstream back instead of the gateway buffering its answer.
      await events.drained();
    }
  } catch (error) {
    failure = signal.aborted ? failureFromAbort(signal) : asUpstreamError(error);
  }

  const ttftMs = firstChunkAt === undefined ? null : firstChunkAt - chat.startedAt;
  const cancelled = failure?.code === "cancelled";
  // Without the upstream's own count (cancelled or cut off), bill what was actually streamed.
  const billedUsage: Usage = usage ?? {
    prompt_tokens: chat.promptTokens,
    completion_tokens: Math.ceil(completionChars / 4),
    total_tokens: chat.promptTokens + Math.ceil(completionChars / 4),
  };
  const outcome: GenerationOutcome = {
    status: cancelled ? "cancelled" : failure ? "error" : "success",
    endpoint,
    usage: billedUsage,
    upstreamId,
    finishReason: cancelled ? null : failure ? "error" : finishReason,
    nativeFinishReason,
    streamed: true,
    ttftMs,
    error: failure
      ? { code: failure.code, message: failure.message.slice(0, 500), status: failure.status }
      : null,
  };
  // A client that walks away pays for what was produced until then (nothing if nothing was).
  const cost = costOf(outcome);

  if (failure && !cancelled) {
    deps.health.recordFailure(endpoint.id, { status: failure.upstreamStatus, code: failure.code });
    write(errorChunk(chat, created, endpoint.modelId, providerName, failure.status, failure.code));
  } else if (!failure) {
    deps.health.recordSuccess(endpoint.id, {
      latencyMs: upstreamMs,
      ...(ttftMs !== null ? { ttftMs: upstreamMs + (firstChunkAt ?? streamStarted) - streamStarted } : {}),
      outputTokens: billedUsage.completion_tokens,
      generationMs: upstreamMs + performance.now() - streamStarted,
    });
    if (chat.conversation)
      await deps.sticky.set(chat.key.orgId, chat.conversation, chat.requestedModel, endpoint.id);
    write(
      `data: ${JSON.stringify({
        id: chat.generationId,
        object: "chat.completion.chunk",
        created,
        model: endpoint.modelId,
        provider: providerName,
        choices: [],
        usage: usageWithCost(billedUsage, cost),
      })}\n\n`,
    );
  }
  write("data: [DONE]\n\n");
  events.end();
  await finishGeneration(deps, chat, outcome, cost);
}

function errorChunk(
  chat: PreparedChat,
  created: number,
  model: string,
  provider: string,
  status: number,
  code: string,
): string {
  const message =
    status >= 500 ? "The provider failed while streaming the response." : `Upstream error: ${code}`;
  return `data: ${JSON.stringify({
    id: chat.generationId,
    object: "chat.completion.chunk",
    created,
    model,
    provider,
    error: { code: status, message, metadata: { error_type: code } },
    choices: [{ index: 0, delta: { content: "" }, finish_reason: "error", native_finish_reason: null }],
  })}\n\n`;
}
