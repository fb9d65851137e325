import type { SimRequest, SimTool, SimToolChoice } from "../../engine/types.ts";
import { isRecord, type ParseResult, type RouteInfo, stopList } from "../format-spec.ts";
import { geminiError } from "./errors.ts";

const PART_KINDS = [
  "text",
  "inlineData",
  "fileData",
  "functionCall",
  "functionResponse",
  "thought",
  "executableCode",
];

function invalid(message: string): ParseResult {
  return { ok: false, error: geminiError(400, message) };
}

function parseTools(value: unknown): SimTool[] {
  if (!Array.isArray(value)) return [];
  const tools: SimTool[] = [];
  for (const t of value) {
    if (!isRecord(t) || !Array.isArray(t.functionDeclarations)) continue;
    for (const d of t.functionDeclarations) {
      if (isRecord(d) && typeof d.name === "string") {
        tools.push({ name: d.name, parameters: d.parameters ?? d.parametersJsonSchema });
      }
    }
  }
  return tools;
}

function parseToolChoice(value: unknown): SimToolChoice {
  const config =
    isRecord(value) && isRecord(value.functionCallingConfig) ? value.functionCallingConfig : undefined;
  if (!config) return { type: "auto" };
  if (config.mode === "NONE") return { type: "none" };
  if (config.mode === "ANY") {
    const names = config.allowedFunctionNames;
    if (Array.isArray(names) && typeof names[0] === "string") return { type: "named", name: names[0] };
    return { type: "required" };
  }
  return { type: "auto" };
}

/** Validates a GenerateContentRequest the way Gemini does (400 INVALID_ARGUMENT). */
export function parseGeminiRequest(body: unknown, route: RouteInfo): ParseResult {
  if (!isRecord(body)) return invalid("Invalid JSON payload received.");
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) {
    return invalid("* GenerateContentRequest.contents: contents is not specified\n");
  }
  for (let i = 0; i < contents.length; i++) {
    const c: unknown = contents[i];
    if (
      !isRecord(c) ||
      (c.role !== undefined && c.role !== "user" && c.role !== "model" && c.role !== "function")
    ) {
      return invalid(`Please use a valid role: user, model. (contents[${i}])`);
    }
    if (!Array.isArray(c.parts) || c.parts.length === 0) {
      return invalid(`* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.\n`);
    }
    for (const p of c.parts) {
      if (!isRecord(p) || !PART_KINDS.some((k) => k in p)) {
        return invalid(
          `* GenerateContentRequest.contents[${i}].parts: required oneof field 'data' must have one initialized field\n`,
        );
      }
    }
  }
  const config = isRecord(body.generationConfig) ? body.generationConfig : {};
  const maxTokens = config.maxOutputTokens;
  if (maxTokens !== undefined && (typeof maxTokens !== "number" || maxTokens < 1)) {
    return invalid("* GenerateContentRequest.generation_config.max_output_tokens: must be positive\n");
  }
  let output: SimRequest["output"] = { kind: "text" };
  if (config.responseMimeType === "application/json") {
    const schema = config.responseSchema ?? config.responseJsonSchema;
    output = schema ? { kind: "json_schema", schema } : { kind: "json_object" };
  }

  const lastContent = contents[contents.length - 1] as Record<string, unknown>;
  const lastParts = lastContent.parts as unknown[];
  const response = lastParts.find((p) => isRecord(p) && isRecord(p.functionResponse));
  let last: SimRequest["last"] = { kind: "other" };
  if (isRecord(response) && isRecord(response.functionResponse)) {
    last = { kind: "tool_result", text: JSON.stringify(response.functionResponse.response ?? null) };
  } else if (lastContent.role !== "model") last = { kind: "user" };

  return {
    ok: true,
    request: {
      model: route.pathModel ?? "gemini",
      conversationKey: `${JSON.stringify(body.systemInstruction ?? null)}${JSON.stringify(contents)}`,
      maxTokens: typeof maxTokens === "number" ? maxTokens : undefined,
      stop: stopList(config.stopSequences),
      tools: parseTools(body.tools),
      toolChoice: parseToolChoice(body.toolConfig),
      last,
      output,
      stream: route.method === "streamGenerateContent" && route.query("alt") === "sse",
      includeUsage: false,
    },
  };
}
