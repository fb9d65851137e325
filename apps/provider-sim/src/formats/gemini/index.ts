import type { FormatSpec } from "../format-spec.ts";
import { geminiError } from "./errors.ts";
import { parseGeminiRequest } from "./parse.ts";
import { renderGeminiFrames, renderGeminiJson } from "./render.ts";

/** Gemini generateContent / streamGenerateContent. Auth: `x-goog-api-key` header or `?key=`. */
export const geminiFormat: FormatSpec = {
  name: "gemini",
  authenticate(route) {
    if (!route.header("x-goog-api-key") && !route.query("key")) return geminiError(401);
    return undefined;
  },
  parse: (body, route) => parseGeminiRequest(body, route),
  error: (status, message) => geminiError(status, message),
  json: (output, request, route) => renderGeminiJson(output, request, route),
  frames: (output, request) => renderGeminiFrames(output, request),
};
