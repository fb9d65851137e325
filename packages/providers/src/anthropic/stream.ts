import { eventJson } from "../http/sse-events.ts";
import { badResponse, streamInterrupted } from "../http/status-error.ts";
import { isRecord } from "../shared/json.ts";
import type { SseEvent } from "../sse/parser.ts";
import type { ChatCompletionChunk } from "../types.ts";
import { anthropicStreamError } from "./errors.ts";
import { mapAnthropicStop, mapAnthropicUsage } from "./usage.ts";
import type { AnthropicStreamEvent, AnthropicWireUsage } from "./wire.ts";

type Delta = ChatCompletionChunk["choices"][number]["delta"];

function isStreamEvent(value: unknown): value is AnthropicStreamEvent {
  return isRecord(value) && typeof value.type === "string";
}

/**
 * Messages SSE → unified chunks: text_delta → content, tool_use blocks → tool_calls deltas
 * (id/name first, then input_json_delta fragments as arguments), the synthetic JSON tool → content,
 * message_delta's stop_reason + usage → the final chunk. `event: error` throws `UpstreamError`.
 */
export async function* fromAnthropicStream(
  events: AsyncIterable<SseEvent>,
  jsonTool: string | undefined,
  fallbackModel: string,
): AsyncGenerator<ChatCompletionChunk> {
  let id = "";
  let model = fallbackModel;
  const created = Math.floor(Date.now() / 1000);
  let usage: Partial<AnthropicWireUsage> = {};
  let stopReason: string | null = null;
  let stopped = false;
  const toolIndexByBlock = new Map<number, number>();
  const jsonBlocks = new Set<number>();

  const chunk = (delta: Delta): ChatCompletionChunk => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: null }],
  });

  for await (const sse of events) {
    if (stopped) continue; // drain so the connection returns to the pool
    const event = eventJson(sse);
    if (!isStreamEvent(event)) throw badResponse("Upstream stream event has no type");
    switch (event.type) {
      case "message_start":
        id = event.message.id ?? id;
        model = event.message.model ?? model;
        usage = { ...event.message.usage };
        yield chunk({ role: "assistant", content: "" });
        break;
      case "content_block_start": {
        const block = event.content_block;
        if (block.type === "tool_use") {
          if (jsonTool && block.name === jsonTool) jsonBlocks.add(event.index);
          else {
            const index = toolIndexByBlock.size;
            toolIndexByBlock.set(event.index, index);
            yield chunk({
              tool_calls: [
                { index, id: block.id, type: "function", function: { name: block.name, arguments: "" } },
              ],
            });
          }
        } else if (block.type === "text" && block.text) yield chunk({ content: block.text });
        break;
      }
      case "content_block_delta": {
        const delta = event.delta;
        if (delta.type === "text_delta") yield chunk({ content: delta.text });
        else if (delta.type === "input_json_delta") {
          if (jsonBlocks.has(event.index)) yield chunk({ content: delta.partial_json });
          else {
            const index = toolIndexByBlock.get(event.index);
            if (index !== undefined && delta.partial_json) {
              yield chunk({ tool_calls: [{ index, function: { arguments: delta.partial_json } }] });
            }
          }
        }
        break;
      }
      case "message_delta":
        stopReason = event.delta?.stop_reason ?? stopReason;
        for (const [key, value] of Object.entries(event.usage ?? {})) {
          if (typeof value === "number") usage[key as keyof AnthropicWireUsage] = value;
        }
        break;
      case "message_stop": {
        stopped = true;
        const jsonMode = jsonBlocks.size > 0 && toolIndexByBlock.size === 0;
        yield {
          ...chunk({}),
          choices: [
            {
              index: 0,
              delta: {},
              finish_reason: mapAnthropicStop(stopReason, jsonMode),
              native_finish_reason: stopReason,
            },
          ],
          usage: mapAnthropicUsage(usage),
        };
        break;
      }
      case "error":
        throw anthropicStreamError(event);
      default:
        break; // ping, content_block_stop, future event types
    }
  }
  if (!stopped) throw streamInterrupted("Upstream stream ended before message_stop");
}
