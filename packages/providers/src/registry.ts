import { anthropic } from "./anthropic/index.ts";
import { gemini } from "./gemini/index.ts";
import { openai, openaiCompatible } from "./openai/index.ts";
import type { ProviderAdapter, ProviderFormat } from "./types.ts";

/** One adapter per upstream API format. A missing format is a compile error. */
export const adapters = {
  openai,
  anthropic,
  gemini,
  openai_compatible: openaiCompatible,
} satisfies Record<ProviderFormat, ProviderAdapter>;

export function getAdapter(format: ProviderFormat): ProviderAdapter {
  return adapters[format];
}
