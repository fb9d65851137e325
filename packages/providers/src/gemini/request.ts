import { UpstreamError } from "../errors.ts";
import { isRecord, textOf } from "../shared/json.ts";
import type { ChatRequest, ContentPart, ToolChoice } from "../types.ts";
import { toGeminiSchema } from "./schema.ts";
import type { GeminiContent, GeminiGenerationConfig, GeminiPart, GeminiWireRequest } from "./wire.ts";

const DATA_URL = /^data:([^;,]+)((?:;[^;,]+)*?)(;base64)?,(.*)$/s;
const MIME_BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
  pdf: "application/pdf",
};

export function imagePart(url: string): GeminiPart {
  const match = DATA_URL.exec(url);
  if (match) {
    const [, mimeType = "image/png", , base64, payload = ""] = match;
    const data = base64 ? payload : Buffer.from(decodeURIComponent(payload)).toString("base64");
    return { inlineData: { mimeType, data } };
  }
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase() ?? "";
  return { fileData: { mimeType: MIME_BY_EXTENSION[extension] ?? "image/jpeg", fileUri: url } };
}

function userParts(content: string | ContentPart[]): GeminiPart[] {
  if (typeof content === "string") return [{ text: content }];
  return content.map((p) => (p.type === "text" ? { text: p.text } : imagePart(p.image_url.url)));
}

function parseArgs(args: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(args);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

/** A tool result as Gemini's functionResponse.response (an object): JSON objects as-is, else wrapped. */
function responseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : { content: value };
  } catch {
    return { content: text };
  }
}

function toolConfig(choice: ToolChoice): GeminiWireRequest["toolConfig"] {
  if (choice === "auto") return { functionCallingConfig: { mode: "AUTO" } };
  if (choice === "none") return { functionCallingConfig: { mode: "NONE" } };
  if (choice === "required") return { functionCallingConfig: { mode: "ANY" } };
  return { functionCallingConfig: { mode: "ANY", allowedFunctionNames: [choice.function.name] } };
}

/**
 * Unified request → GenerateContentRequest. Tool results need the function's name, which Gemini
 * requires and OpenAI does not carry: it is looked up from the matching earlier assistant tool call.
 */
export function toGeminiRequest(request: ChatRequest): GeminiWireRequest {
  const system: string[] = [];
  const contents: GeminiContent[] = [];
  const toolNames = new Map<string, string>();

  const push = (role: GeminiContent["role"], parts: GeminiPart[]) => {
    if (parts.length === 0) return;
    const previous = contents[contents.length - 1];
    if (previous && previous.role === role) previous.parts.push(...parts);
    else contents.push({ role, parts });
  };

  for (const message of request.messages) {
    switch (message.role) {
      case "system":
      case "developer":
        system.push(textOf(message.content));
        break;
      case "user":
        push("user", userParts(message.content));
        break;
      case "assistant": {
        const parts: GeminiPart[] = [];
        const text = textOf(message.content);
        if (text) parts.push({ text });
        for (const call of message.tool_calls ?? []) {
          toolNames.set(call.id, call.function.name);
          parts.push({
            functionCall: { name: call.function.name, args: parseArgs(call.function.arguments) },
          });
        }
        push("model", parts);
        break;
      }
      case "tool": {
        const name = toolNames.get(message.tool_call_id);
        if (!name) {
          throw new UpstreamError({
            code: "bad_request",
            message: `Tool result ${message.tool_call_id} does not match any earlier assistant tool call`,
            status: 400,
            retryable: false,
          });
        }
        push("user", [{ functionResponse: { name, response: responseObject(textOf(message.content)) } }]);
        break;
      }
    }
  }

  const body: GeminiWireRequest = { contents };
  if (system.length > 0) body.systemInstruction = { parts: [{ text: system.join("\n\n") }] };

  const config: GeminiGenerationConfig = {};
  if (request.max_tokens !== undefined) config.maxOutputTokens = request.max_tokens;
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.top_p !== undefined) config.topP = request.top_p;
  if (request.top_k !== undefined) config.topK = request.top_k;
  if (request.stop !== undefined)
    config.stopSequences = typeof request.stop === "string" ? [request.stop] : request.stop;
  if (request.seed !== undefined) config.seed = request.seed;
  if (request.presence_penalty !== undefined) config.presencePenalty = request.presence_penalty;
  if (request.frequency_penalty !== undefined) config.frequencyPenalty = request.frequency_penalty;
  const format = request.response_format;
  if (format && format.type !== "text") {
    config.responseMimeType = "application/json";
    if (format.type === "json_schema" && format.json_schema.schema) {
      config.responseSchema = toGeminiSchema(format.json_schema.schema);
    }
  }
  if (Object.keys(config).length > 0) body.generationConfig = config;

  if (request.tools?.length) {
    body.tools = [
      {
        functionDeclarations: request.tools.map((t) => {
          const parameters = t.function.parameters ? toGeminiSchema(t.function.parameters) : undefined;
          return {
            name: t.function.name,
            ...(t.function.description ? { description: t.function.description } : {}),
            // Gemini rejects an OBJECT without properties: a no-argument function omits parameters.
            ...(parameters?.properties ? { parameters } : {}),
          };
        }),
      },
    ];
    if (request.tool_choice !== undefined) body.toolConfig = toolConfig(request.tool_choice);
  }
  return body;
}
