import type { SimOutput, SimRequest } from "../../engine/types.ts";
import type { StreamFrame } from "../../http/stream-response.ts";

let counter = 0;

function finishReason(output: SimOutput): "stop" | "length" | "tool_calls" {
  if (output.kind === "tool") return "tool_calls";
  return output.finish === "length" ? "length" : "stop";
}

function usage(output: SimOutput) {
  const { promptTokens, completionTokens } = output.usage;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function ids(output: SimOutput) {
  counter = (counter + 1) % 1_000_000_000;
  return {
    id: `chatcmpl-${output.key}${counter.toString(36)}`,
    callId: `call_${output.key}${counter.toString(36)}`,
  };
}

export function renderOpenAIJson(output: SimOutput, request: SimRequest) {
  const { id, callId } = ids(output);
  const message =
    output.kind === "tool"
      ? {
          role: "assistant",
          content: null,
          refusal: null,
          tool_calls: [
            { id: callId, type: "function", function: { name: output.name, arguments: output.argsJson } },
          ],
        }
      : { role: "assistant", content: output.text, refusal: null };
  return {
    id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(output) }],
    usage: usage(output),
    service_tier: "default",
    system_fingerprint: "fp_switchyard_sim",
  };
}

/** The SSE frames of a streamed completion: role chunk, content/tool deltas, finish, usage, [DONE]. */
export function renderOpenAIFrames(output: SimOutput, request: SimRequest): StreamFrame[] {
  const { id, callId } = ids(output);
  const head = `{"id":"${id}","object":"chat.completion.chunk","created":${Math.floor(Date.now() / 1000)},"model":${JSON.stringify(request.model)},"service_tier":"default","system_fingerprint":"fp_switchyard_sim",`;
  const tail = request.includeUsage ? ',"usage":null}' : "}";
  const frame = (delta: unknown, finish: string | null, tokens: number): StreamFrame => ({
    data: `data: ${head}"choices":[{"index":0,"delta":${JSON.stringify(delta)},"logprobs":null,"finish_reason":${finish === null ? "null" : `"${finish}"`}}]${tail}\n\n`,
    tokens,
  });

  const frames: StreamFrame[] = [frame({ role: "assistant", content: "", refusal: null }, null, 0)];
  if (output.kind === "tool") {
    frames.push(
      frame(
        {
          tool_calls: [
            { index: 0, id: callId, type: "function", function: { name: output.name, arguments: "" } },
          ],
        },
        null,
        1,
      ),
    );
    for (const piece of output.argPieces) {
      frames.push(frame({ tool_calls: [{ index: 0, function: { arguments: piece } }] }, null, 1));
    }
  } else {
    const perPiece = output.usage.completionTokens / Math.max(1, output.pieces.length);
    for (const piece of output.pieces) frames.push(frame({ content: piece }, null, perPiece));
  }
  frames.push(frame({}, finishReason(output), 0));
  if (request.includeUsage) {
    frames.push({
      data: `data: ${head}"choices":[],"usage":${JSON.stringify(usage(output))}}\n\n`,
      tokens: 0,
    });
  }
  frames.push({ data: "data: [DONE]\n\n", tokens: 0 });
  return frames;
}
