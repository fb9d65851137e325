import { eventJson } from "../http/sse-events.ts";
import { badResponse, errorFromStatus, streamInterrupted } from "../http/status-error.ts";
import { estimateUsage } from "../shared/estimate-usage.ts";
import { isRecord } from "../shared/json.ts";
import type { SseEvent } from "../sse/parser.ts";
import type { ChatCompletionChunk, ChatRequest } from "../types.ts";
import { readOpenAIErrorBody } from "./errors.ts";
import { mapOpenAIFinish, mapOpenAIUsage } from "./usage.ts";
import type { OpenAIWireChunk } from "./wire.ts";

function mapDelta(
  delta: OpenAIWireChunk["choices"][number]["delta"] | undefined,
): ChatCompletionChunk["choices"][number]["delta"] {
  if (!delta) return {};
  if (!delta.tool_calls) return delta as ChatCompletionChunk["choices"][number]["delta"];
  return {
    ...delta,
    tool_calls: delta.tool_calls.map((t, i) => ({ ...t, index: typeof t.index === "number" ? t.index : i })),
  };
}

function isWireChunk(value: unknown): value is OpenAIWireChunk {
  return isRecord(value) && Array.isArray(value.choices);
}

/**
 * OpenAI SSE → unified chunks. Passes chunks through with normalised finish reasons; if the host
 * never sent usage, ends with an estimated usage chunk so billing always has numbers.
 */
export async function* fromOpenAIStream(
  events: AsyncIterable<SseEvent>,
  request: ChatRequest,
): AsyncGenerator<ChatCompletionChunk> {
  let done = false;
  let finished = false;
  let usageSent = false;
  let completionChars = 0;
  let meta = { id: "", created: Math.floor(Date.now() / 1000), model: request.model };

  for await (const event of events) {
    if (done) continue; // drain to the end so the connection returns to the pool
    if (event.data === "[DONE]") {
      done = true;
      continue;
    }
    const raw = eventJson(event);
    if (isRecord(raw) && isRecord(raw.error)) {
      const { message, code } = readOpenAIErrorBody(raw);
      const status = typeof raw.error.code === "number" ? raw.error.code : 500;
      throw errorFromStatus({ upstreamStatus: status, message, providerCode: code });
    }
    if (!isWireChunk(raw)) throw badResponse("Upstream stream chunk is not a chat.completion.chunk");
    meta = { id: raw.id ?? meta.id, created: raw.created ?? meta.created, model: raw.model ?? meta.model };
    const chunk: ChatCompletionChunk = {
      id: meta.id,
      object: "chat.completion.chunk",
      created: meta.created,
      model: meta.model,
      choices: raw.choices.map((c, i) => {
        if (typeof c.delta?.content === "string") completionChars += c.delta.content.length;
        for (const t of c.delta?.tool_calls ?? []) completionChars += t.function?.arguments?.length ?? 0;
        if (c.finish_reason) finished = true;
        return {
          index: typeof c.index === "number" ? c.index : i,
          delta: mapDelta(c.delta),
          finish_reason: mapOpenAIFinish(c.finish_reason),
          native_finish_reason: c.finish_reason ?? null,
        };
      }),
    };
    if (isRecord(raw.usage)) {
      chunk.usage = mapOpenAIUsage(raw.usage);
      usageSent = true;
    }
    yield chunk;
  }
  if (!done && !finished) throw streamInterrupted("Upstream stream ended before completion");
  if (!usageSent) {
    yield {
      id: meta.id,
      object: "chat.completion.chunk",
      created: meta.created,
      model: meta.model,
      choices: [],
      usage: estimateUsage(request, completionChars),
    };
  }
}
