export { anthropic } from "./anthropic/index.ts";
export * from "./errors.ts";
export { gemini } from "./gemini/index.ts";
export { closeUpstreamPools } from "./http/pool.ts";
export {
  createOpenAIAdapter,
  type OpenAIAdapterOptions,
  type OpenAIDialect,
  openai,
  openaiCompatible,
} from "./openai/index.ts";
export { adapters, getAdapter } from "./registry.ts";
export { simulatorBaseUrl } from "./simulator-url.ts";
export { type SseEvent, SseParser } from "./sse/parser.ts";
export { readSse } from "./sse/read-sse.ts";
export * from "./types.ts";
