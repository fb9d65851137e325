import type { FormatSpec } from "../format-spec.ts";
import { openaiError } from "./errors.ts";
import { parseOpenAIRequest } from "./parse.ts";
import { renderOpenAIFrames, renderOpenAIJson } from "./render.ts";

/** OpenAI chat completions (also every OpenAI-compatible host). Auth: `Authorization: Bearer <key>`. */
export const openaiFormat: FormatSpec = {
  name: "openai",
  authenticate(route) {
    const auth = route.header("authorization");
    if (!auth?.startsWith("Bearer ") || auth.length <= 7) return openaiError(401);
    return undefined;
  },
  parse: (body) => parseOpenAIRequest(body),
  error: (status, message) => openaiError(status, message),
  json: (output, request) => renderOpenAIJson(output, request),
  frames: (output, request) => renderOpenAIFrames(output, request),
};
