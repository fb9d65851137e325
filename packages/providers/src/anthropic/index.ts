import { readJsonBody, sendUpstream } from "../http/send.ts";
import { sseEvents } from "../http/sse-events.ts";
import type { ProviderAdapter, UpstreamTarget } from "../types.ts";
import { anthropicErrorFromResponse } from "./errors.ts";
import { toAnthropicRequest } from "./request.ts";
import { fromAnthropicResponse } from "./response.ts";
import { fromAnthropicStream } from "./stream.ts";
import { ANTHROPIC_VERSION } from "./wire.ts";

function headers(target: UpstreamTarget): Record<string, string> {
  return { "x-api-key": target.apiKey, "anthropic-version": ANTHROPIC_VERSION };
}

/** Anthropic Messages: `${baseUrl}/v1/messages` with `x-api-key` + `anthropic-version`. */
export const anthropic: ProviderAdapter = {
  format: "anthropic",
  async complete(request, target, call) {
    const { body, jsonTool } = toAnthropicRequest(request, target.upstreamModel, false);
    const res = await sendUpstream(
      `${target.baseUrl}/v1/messages`,
      headers(target),
      body,
      call,
      anthropicErrorFromResponse,
    );
    return fromAnthropicResponse(await readJsonBody(res, call), jsonTool);
  },
  async stream(request, target, call) {
    const { body, jsonTool } = toAnthropicRequest(request, target.upstreamModel, true);
    const res = await sendUpstream(
      `${target.baseUrl}/v1/messages`,
      headers(target),
      body,
      call,
      anthropicErrorFromResponse,
    );
    return fromAnthropicStream(sseEvents(res, call.signal), jsonTool, target.upstreamModel);
  },
};
