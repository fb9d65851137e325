import type { ChatRequest } from "@switchyard/providers";
import type { PlannedAttempt } from "./credit-hold.ts";
import type { ChatRequestBody } from "./request-schema.ts";

/** The adapter's view of the request: routing extras stripped, model and max_tokens resolved. */
export function upstreamRequest(body: ChatRequestBody, attempt: PlannedAttempt): ChatRequest {
  const request: ChatRequest = {
    model: attempt.endpoint.upstreamModel,
    messages: body.messages.map((message) =>
      message.role === "assistant" ? { ...message, content: message.content ?? null } : message,
    ) as ChatRequest["messages"],
    max_tokens: attempt.maxTokens,
  };
  if (body.temperature !== undefined) request.temperature = body.temperature;
  if (body.top_p !== undefined) request.top_p = body.top_p;
  if (body.top_k !== undefined) request.top_k = body.top_k;
  if (body.stop !== undefined) request.stop = body.stop;
  if (body.seed !== undefined) request.seed = body.seed;
  if (body.frequency_penalty !== undefined) request.frequency_penalty = body.frequency_penalty;
  if (body.presence_penalty !== undefined) request.presence_penalty = body.presence_penalty;
  if (body.tools !== undefined) request.tools = body.tools as ChatRequest["tools"];
  if (body.tool_choice !== undefined) request.tool_choice = body.tool_choice;
  if (body.response_format !== undefined)
    request.response_format = body.response_format as ChatRequest["response_format"];
  return request;
}
