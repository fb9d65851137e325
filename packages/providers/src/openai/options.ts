/** What differs between OpenAI and the OpenAI-compatible hosts. One implementation, these knobs. */
export interface OpenAIDialect {
  /** Field for the output budget: OpenAI prefers `max_completion_tokens`. */
  maxTokensField: "max_tokens" | "max_completion_tokens";
  /** How the host takes a seed: `seed`, Mistral's `random_seed`, or not at all. */
  seedField: "seed" | "random_seed" | null;
  /** Whether the host accepts `stream_options.include_usage`. */
  streamOptions: boolean;
  /** Whether the host knows the `developer` role (else it is sent as `system`). */
  developerRole: boolean;
  /** Whether the host accepts `top_k` (not part of OpenAI's own API). */
  topK: boolean;
}

export interface OpenAIAdapterOptions {
  format: "openai" | "openai_compatible";
  dialect: OpenAIDialect;
  /** Per-provider overrides, keyed by provider id. */
  overrides?: Record<string, Partial<OpenAIDialect>>;
}

export const OPENAI_DIALECT: OpenAIDialect = {
  maxTokensField: "max_completion_tokens",
  seedField: "seed",
  streamOptions: true,
  developerRole: true,
  topK: false,
};

export const COMPATIBLE_DIALECT: OpenAIDialect = {
  maxTokensField: "max_tokens",
  seedField: "seed",
  streamOptions: true,
  developerRole: false,
  topK: true,
};

/** Known host quirks. */
export const COMPATIBLE_OVERRIDES: Record<string, Partial<OpenAIDialect>> = {
  mistral: { seedField: "random_seed", streamOptions: false, topK: false },
  groq: { topK: false },
};

export function dialectFor(options: OpenAIAdapterOptions, providerId: string): OpenAIDialect {
  const override = options.overrides?.[providerId];
  return override ? { ...options.dialect, ...override } : options.dialect;
}
