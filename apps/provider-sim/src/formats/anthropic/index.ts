import type { FormatSpec } from "../format-spec.ts";
import { anthropicError } from "./errors.ts";
import { parseAnthropicRequest } from "./parse.ts";
import { renderAnthropicFrames, renderAnthropicJson } from "./render.ts";

/** Anthropic Messages API. Auth: `x-api-key`; `anthropic-version` is mandatory. */
export const anthropicFormat: FormatSpec = {
  name: "anthropic",
  authenticate(route) {
    if (!route.header("x-api-key")) return anthropicError(401, "x-api-key header is required");
    if (!route.header("anthropic-version"))
      return anthropicError(400, "anthropic-version: header is required");
    return undefined;
  },
  parse: (body) => parseAnthropicRequest(body),
  error: (status, message) => anthropicError(status, message),
  json: (output, request) => renderAnthropicJson(output, request),
  frames: (output, request) => renderAnthropicFrames(output, request),
};
