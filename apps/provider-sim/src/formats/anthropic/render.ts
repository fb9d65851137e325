import type { SimOutput, SimRequest } from "../../engine/types.ts";
import type { StreamFrame } from "../../http/stream-response.ts";

let counter = 0;

function stopReason(output: SimOutput): "end_turn" | "max_tokens" | "stop_sequence" | "tool_use" {
  if (output.kind === "tool") return "tool_use";
  if (output.finish === "length") return "max_tokens";
  return output.finish === "stop_sequence" ? "stop_sequence" : "end_turn";
}

function ids(output: SimOutput) {
  counter = (counter + 1) % 1_000_000_000;
  const suffix = `${output.key}${counter.toString(36)}`;
  return { id: `msg_sim${suffix}`, toolId: `toolu_sim${suffix}` };
}

export function renderAnthropicJson(output: SimOutput, request: SimRequest) {
  const { id, toolId } = ids(output);
  const content =
    output.kind === "tool"
      ? [{ type: "tool_use", id: toolId, name: output.name, input: output.args }]
      : [{ type: "text", text: output.text }];
  return {
    id,
    type: "message",
    role: "assistant",
    model: request.model,
    content,
    stop_reason: stopReason(output),
    stop_sequence: output.kind === "text" ? output.stopSequence : null,
    usage: {
      input_tokens: output.usage.promptTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: output.usage.completionTokens,
      service_tier: "standard",
    },
  };
}

function event(type: string, data: unknown, tokens = 0): StreamFrame {
  return { data: `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`, tokens };
}

/** The real Messages SSE sequence: message_start, content_block_*, ping, message_delta, message_stop. */
export function renderAnthropicFrames(output: SimOutput, request: SimRequest): StreamFrame[] {
  const { id, toolId } = ids(output);
  const frames: StreamFrame[] = [
    event("message_start", {
      type: "message_start",
      message: {
        id,
        type: "message",
        role: "assistant",
        model: request.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: output.usage.promptTokens,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          output_tokens: 1,
          service_tier: "standard",
        },
      },
    }),
  ];
  if (output.kind === "tool") {
    frames.push(
      event("content_block_start", {
        type: "content_block_start",
        index: 0,
        content_block: { type: "tool_use", id: toolId, name: output.name, input: {} },
      }),
      event("ping", { type: "ping" }),
    );
    for (const piece of output.argPieces) {
      frames.push(
        event(
          "content_block_delta",
          { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: piece } },
          1,
        ),
      );
    }
  } else {
    frames.push(
      event("content_block_start", {
        type: "content_block_start",
        index: 0,
        content_block: { type: "text", text: "" },
      }),
      event("ping", { type: "ping" }),
    );
    const perPiece = output.usage.completionTokens / Math.max(1, output.pieces.length);
    for (const piece of output.pieces) {
      frames.push(
        event(
          "content_block_delta",
          { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: piece } },
          perPiece,
        ),
      );
    }
  }
  frames.push(
    event("content_block_stop", { type: "content_block_stop", index: 0 }),
    event("message_delta", {
      type: "message_delta",
      delta: {
        stop_reason: stopReason(output),
        stop_sequence: output.kind === "text" ? output.stopSequence : null,
      },
      usage: { output_tokens: output.usage.completionTokens },
    }),
    event("message_stop", { type: "message_stop" }),
  );
  return frames;
}
