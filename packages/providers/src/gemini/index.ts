import { readJsonBody, sendUpstream } from "../http/send.ts";
import { sseEvents } from "../http/sse-events.ts";
import type { ProviderAdapter, UpstreamTarget } from "../types.ts";
import { geminiErrorFromResponse } from "./errors.ts";
import { toGeminiRequest } from "./request.ts";
import { fromGeminiResponse } from "./response.ts";
import { fromGeminiStream } from "./stream.ts";

function modelUrl(target: UpstreamTarget, method: string): string {
  const model = target.upstreamModel.replace(/^models\//, "");
  return `${target.baseUrl}/v1beta/models/${model}:${method}`;
}

/** Gemini: `${baseUrl}/v1beta/models/{model}:generateContent` / `:streamGenerateContent?alt=sse`. */
export const gemini: ProviderAdapter = {
  format: "gemini",
  async complete(request, target, call) {
    const res = await sendUpstream(
      modelUrl(target, "generateContent"),
      { "x-goog-api-key": target.apiKey },
      toGeminiRequest(request),
      call,
      geminiErrorFromResponse,
    );
    return fromGeminiResponse(await readJsonBody(res, call), target.upstreamModel);
  },
  async stream(request, target, call) {
    const res = await sendUpstream(
      modelUrl(target, "streamGenerateContent?alt=sse"),
      { "x-goog-api-key": target.apiKey },
      toGeminiRequest(request),
      call,
      geminiErrorFromResponse,
    );
    return fromGeminiStream(sseEvents(res, call.signal), target.upstreamModel);
  },
};
