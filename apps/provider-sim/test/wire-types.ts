/** The slices of each wire format the tests read. */

export interface OaUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}
export interface OaToolCall {
  index?: number;
  id?: string;
  type?: string;
  function: { name?: string; arguments: string };
}
export interface OaCompletion {
  id: string;
  object: string;
  model: string;
  choices: {
    message: { role: string; content: string; tool_calls?: OaToolCall[] };
    finish_reason: string;
  }[];
  usage: OaUsage;
}
export interface OaChunk {
  choices: {
    delta: { role?: string; content?: string; tool_calls?: OaToolCall[] };
    finish_reason: string | null;
  }[];
  usage?: OaUsage | null;
}
export interface OaError {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export interface AnBlock {
  type: string;
  text: string;
  id: string;
  name: string;
  input: Record<string, unknown>;
}
export interface AnMessage {
  id: string;
  type: string;
  content: AnBlock[];
  stop_reason: string;
  usage: { input_tokens: number; output_tokens: number; cache_read_input_tokens: number };
}
export interface AnEvent {
  type: string;
  content_block: AnBlock;
  delta: { type: string; text: string; partial_json: string; stop_reason: string };
  usage: { output_tokens: number };
}
export interface AnError {
  type: string;
  error: { type: string; message: string };
}

export interface GmPart {
  text: string;
  functionCall: { name: string; args: Record<string, unknown> };
}
export interface GmResponse {
  candidates: { content: { role: string; parts: GmPart[] }; finishReason?: string; index: number }[];
  usageMetadata: { promptTokenCount: number; candidatesTokenCount: number; totalTokenCount: number };
  modelVersion: string;
  responseId: string;
}
export interface GmError {
  error: { code: number; message: string; status: string };
}
