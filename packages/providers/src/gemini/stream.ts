import { eventJson } from "../http/sse-events.ts";
import { badResponse, errorFromStatus, streamInterrupted } from "../http/status-error.ts";
import { isRecord } from "../shared/json.ts";
import type { SseEvent } from "../sse/parser.ts";
import type { ChatCompletionChunk } from "../types.ts";
import { readGeminiError } from "./errors.ts";
import { isGeminiResponse, readParts } from "./response.ts";
import { mapGeminiFinish, mapGeminiUsage } from "./usage.ts";
import type { GeminiUsageMetadata } from "./wire.ts";

type Delta = ChatCompletionChunk["choices"][number]["delta"];

/**
 * streamGenerateContent SSE → unified chunks. functionCall parts arrive whole, so each becomes one
 * tool_calls delta carrying id, name and the full arguments. The last usageMetadata wins.
 */
export async function* fromGeminiStream(
  events: AsyncIterable<SseEvent>,
  fallbackModel: string,
): AsyncGenerator<ChatCompletionChunk> {
  let id = "";
  let model = fallbackModel;
  const created = Math.floor(Date.now() / 1000);
  let usage: GeminiUsageMetadata | undefined;
  let finishReason: string | undefined;
  let toolCount = 0;
  let started = false;
  let blocked = false;

  const chunk = (delta: Delta): ChatCompletionChunk => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: null }],
  });

  for await (const sse of events) {
    const body = eventJson(sse);
    if (isRecord(body) && isRecord(body.error)) {
      const { message, status, code } = readGeminiError(body);
      throw errorFromStatus({ upstreamStatus: code ?? 500, message, providerCode: status });
    }
    if (!isGeminiResponse(body)) throw badResponse("Upstream stream chunk is not a GenerateContentResponse");
    id = body.responseId ?? id;
    model = body.modelVersion ?? model;
    if (body.usageMetadata) usage = body.usageMetadata;
    if (!started) {
      started = true;
      yield chunk({ role: "assistant", content: "" });
    }
    const candidate = body.candidates?.[0];
    const { text, calls } = readParts(candidate?.content?.parts);
    if (text) yield chunk({ content: text });
    for (const call of calls) {
      yield chunk({
        tool_calls: [{ index: toolCount++, id: call.id, type: "function", function: call.function }],
      });
    }
    if (candidate?.finishReason) finishReason = candidate.finishReason;
    else if (!candidate && body.promptFeedback?.blockReason) {
      finishReason = body.promptFeedback.blockReason;
      blocked = true;
    }
  }
  if (finishReason === undefined) throw streamInterrupted("Upstream stream ended without a finishReason");
  const finish = blocked ? "content_filter" : mapGeminiFinish(finishReason, toolCount > 0);
  yield {
    ...chunk({}),
    choices: [{ index: 0, delta: {}, finish_reason: finish, native_finish_reason: finishReason }],
    usage: mapGeminiUsage(usage),
  };
}
