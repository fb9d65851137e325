import { readJsonBody, sendUpstream } from "../http/send.ts";
import { sseEvents } from "../http/sse-events.ts";
import type { ProviderAdapter } from "../types.ts";
import { openAIErrorFromResponse } from "./errors.ts";
import {
  COMPATIBLE_DIALECT,
  COMPATIBLE_OVERRIDES,
  dialectFor,
  OPENAI_DIALECT,
  type OpenAIAdapterOptions,
} from "./options.ts";
import { toOpenAIRequest } from "./request.ts";
import { fromOpenAIResponse } from "./response.ts";
import { fromOpenAIStream } from "./stream.ts";

export type { OpenAIAdapterOptions, OpenAIDialect } from "./options.ts";

/** OpenAI chat completions: `${baseUrl}/chat/completions`, `Authorization: Bearer`. */
export function createOpenAIAdapter(options: OpenAIAdapterOptions): ProviderAdapter {
  return {
    format: options.format,
    async complete(request, target, call) {
      const dialect = dialectFor(options, target.providerId);
      const res = await sendUpstream(
        `${target.baseUrl}/chat/completions`,
        { authorization: `Bearer ${target.apiKey}` },
        toOpenAIRequest(request, target.upstreamModel, dialect, false),
        call,
        openAIErrorFromResponse,
      );
      return fromOpenAIResponse(await readJsonBody(res, call), target.upstreamModel);
    },
    async stream(request, target, call) {
      const dialect = dialectFor(options, target.providerId);
      const res = await sendUpstream(
        `${target.baseUrl}/chat/completions`,
        { authorization: `Bearer ${target.apiKey}` },
        toOpenAIRequest(request, target.upstreamModel, dialect, true),
        call,
        openAIErrorFromResponse,
      );
      return fromOpenAIStream(sseEvents(res, call.signal), { ...request, model: target.upstreamModel });
    },
  };
}

export const openai = createOpenAIAdapter({ format: "openai", dialect: OPENAI_DIALECT });

export const openaiCompatible = createOpenAIAdapter({
  format: "openai_compatible",
  dialect: COMPATIBLE_DIALECT,
  overrides: COMPATIBLE_OVERRIDES,
});
