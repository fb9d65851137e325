import type { SimOutput, SimRequest } from "../../engine/types.ts";
import type { StreamFrame } from "../../http/stream-response.ts";
import type { RouteInfo } from "../format-spec.ts";

let counter = 0;

function finishReason(output: SimOutput): "STOP" | "MAX_TOKENS" {
  return output.kind === "text" && output.finish === "length" ? "MAX_TOKENS" : "STOP";
}

function usageMetadata(output: SimOutput, final: boolean) {
  const { promptTokens, completionTokens } = output.usage;
  return final
    ? {
        promptTokenCount: promptTokens,
        candidatesTokenCount: completionTokens,
        totalTokenCount: promptTokens + completionTokens,
        promptTokensDetails: [{ modality: "TEXT", tokenCount: promptTokens }],
      }
    : { promptTokenCount: promptTokens, totalTokenCount: promptTokens };
}

function responseId(output: SimOutput): string {
  counter = (counter + 1) % 1_000_000_000;
  return `sim${output.key}${counter.toString(36)}`;
}

function chunk(
  request: SimRequest,
  id: string,
  parts: unknown[],
  finish: string | undefined,
  usage: unknown,
) {
  return {
    candidates: [
      { content: { parts, role: "model" }, ...(finish ? { finishReason: finish } : {}), index: 0 },
    ],
    usageMetadata: usage,
    modelVersion: request.model,
    responseId: id,
  };
}

function chunks(output: SimOutput, request: SimRequest): { body: unknown; tokens: number }[] {
  const id = responseId(output);
  if (output.kind === "tool") {
    const part = { functionCall: { name: output.name, args: output.args } };
    return [
      {
        body: chunk(request, id, [part], "STOP", usageMetadata(output, true)),
        tokens: output.usage.completionTokens,
      },
    ];
  }
  const perPiece = output.usage.completionTokens / Math.max(1, output.pieces.length);
  return output.pieces.map((piece, i) => {
    const final = i === output.pieces.length - 1;
    return {
      body: chunk(
        request,
        id,
        [{ text: piece }],
        final ? finishReason(output) : undefined,
        usageMetadata(output, final),
      ),
      tokens: perPiece,
    };
  });
}

export function renderGeminiJson(output: SimOutput, request: SimRequest, route: RouteInfo) {
  // streamGenerateContent without alt=sse answers one JSON array of chunks.
  if (route.method === "streamGenerateContent") return chunks(output, request).map((c) => c.body);
  const parts =
    output.kind === "tool"
      ? [{ functionCall: { name: output.name, args: output.args } }]
      : [{ text: output.text }];
  return chunk(request, responseId(output), parts, finishReason(output), usageMetadata(output, true));
}

/** `streamGenerateContent?alt=sse`: one GenerateContentResponse per `data:` line, CRLF-separated. */
export function renderGeminiFrames(output: SimOutput, request: SimRequest): StreamFrame[] {
  return chunks(output, request).map((c) => ({
    data: `data: ${JSON.stringify(c.body)}\r\n\r\n`,
    tokens: c.tokens,
  }));
}
