import type { SimSettings } from "../settings/settings.ts";
import { createRng, hashString } from "./hash.ts";
import { valueFromSchema } from "./json-from-schema.ts";
import type { SimOutput, SimRequest, SimTool } from "./types.ts";
import { generateWords, splitBySize, splitEvenly, splitWords } from "./words.ts";

/** ~4 characters per token, at least 1. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function pickTool(request: SimRequest): SimTool | undefined {
  const choice = request.toolChoice;
  if (request.tools.length === 0 || choice.type === "none" || request.last.kind !== "user") return undefined;
  if (choice.type === "named") return request.tools.find((t) => t.name === choice.name);
  return request.tools[0];
}

function applyStop(text: string, stops: string[]): { text: string; stop: string | null } {
  let cut = -1;
  let found: string | null = null;
  for (const s of stops) {
    if (!s) continue;
    const idx = text.indexOf(s);
    if (idx >= 0 && (cut < 0 || idx < cut)) {
      cut = idx;
      found = s;
    }
  }
  return cut < 0 ? { text, stop: null } : { text: text.slice(0, cut), stop: found };
}

/**
 * The deterministic answer to a request: same seed + same conversation → same output.
 * Tokens are words for prose and ~4 characters for JSON.
 */
export function generateOutput(
  request: SimRequest,
  settings: Readonly<SimSettings>,
  seed: number,
): SimOutput {
  const h = hashString(request.conversationKey, seed >>> 0);
  const rng = createRng(h);
  const key = h.toString(36);
  const promptTokens = estimateTokens(request.conversationKey);

  const tool = pickTool(request);
  if (tool) {
    const value = valueFromSchema(tool.parameters ?? { type: "object", properties: {} }, rng);
    const args = typeof value === "object" && value !== null && !Array.isArray(value) ? value : { value };
    const argsJson = JSON.stringify(args);
    return {
      kind: "tool",
      name: tool.name,
      args: args as Record<string, unknown>,
      argsJson,
      argPieces: splitBySize(argsJson, 12),
      usage: { promptTokens, completionTokens: estimateTokens(tool.name + argsJson) },
      key,
    };
  }

  const maxTokens = request.maxTokens;
  if (request.output.kind !== "text" && settings.fixedResponse === undefined) {
    const schema =
      request.output.kind === "json_schema"
        ? request.output.schema
        : { type: "object", properties: { answer: { type: "string" } } };
    let text = JSON.stringify(valueFromSchema(schema, rng));
    let finish: "stop" | "length" = "stop";
    let completionTokens = estimateTokens(text);
    if (maxTokens !== undefined && completionTokens > maxTokens) {
      text = text.slice(0, maxTokens * 4);
      completionTokens = maxTokens;
      finish = "length";
    }
    const pieces = settings.chunkCount ? splitEvenly(text, settings.chunkCount) : splitBySize(text, 16);
    return {
      kind: "text",
      text,
      pieces,
      finish,
      stopSequence: null,
      usage: { promptTokens, completionTokens },
      key,
    };
  }

  let words: string[];
  if (settings.fixedResponse !== undefined) words = splitWords(settings.fixedResponse);
  else if (request.last.kind === "tool_result") {
    const quoted = request.last.text.length > 200 ? `${request.last.text.slice(0, 200)}…` : request.last.text;
    words = [
      ...splitWords(`The tool returned: ${quoted}.`),
      ...generateWords(rng, 6).map((w, i) => (i === 0 ? ` ${w}` : w)),
    ];
  } else words = generateWords(rng, 12 + Math.floor(rng() * 36));

  let finish: "stop" | "length" | "stop_sequence" = "stop";
  if (maxTokens !== undefined && words.length > maxTokens) {
    words = words.slice(0, maxTokens);
    finish = "length";
  }
  const joined = words.join("");
  const stopped = applyStop(joined, request.stop);
  let text = joined;
  if (stopped.stop !== null) {
    text = stopped.text;
    words = splitWords(text);
    finish = "stop_sequence";
  }
  const pieces = settings.chunkCount ? splitEvenly(text, settings.chunkCount) : words;
  return {
    kind: "text",
    text,
    pieces: pieces.length > 0 ? pieces : [""],
    finish,
    stopSequence: stopped.stop,
    usage: { promptTokens, completionTokens: words.length },
    key,
  };
}
