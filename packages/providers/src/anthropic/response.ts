import { badResponse } from "../http/status-error.ts";
import { isRecord } from "../shared/json.ts";
import type { ChatCompletion, ToolCall } from "../types.ts";
import { mapAnthropicStop, mapAnthropicUsage } from "./usage.ts";
import type { AnthropicWireResponse } from "./wire.ts";

function isWireResponse(body: unknown): body is AnthropicWireResponse {
  return (
    isRecord(body) && Array.isArray(body.content) && isRecord(body.usage) && body.content.every(isRecord)
  );
}

/** Messages API response → unified completion. The synthetic JSON tool's input becomes the content. */
export function fromAnthropicResponse(body: unknown, jsonTool: string | undefined): ChatCompletion {
  if (!isWireResponse(body)) throw badResponse("Upstream response is not an Anthropic message");
  let text = "";
  const toolCalls: ToolCall[] = [];
  let jsonOutput = false;
  for (const block of body.content) {
    if (block.type === "text") text += block.text;
    else if (block.type === "tool_use") {
      if (jsonTool && block.name === jsonTool) {
        text = JSON.stringify(block.input);
        jsonOutput = true;
      } else {
        toolCalls.push({
          id: block.id,
          type: "function",
          function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
        });
      }
    }
  }
  return {
    id: body.id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: text.length > 0 || toolCalls.length === 0 ? text : null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: mapAnthropicStop(body.stop_reason, jsonOutput && toolCalls.length === 0),
        native_finish_reason: body.stop_reason,
      },
    ],
    usage: mapAnthropicUsage(body.usage),
  };
}
