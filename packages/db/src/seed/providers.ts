import type { providers } from "../schema/index.ts";

type ProviderSeed = typeof providers.$inferInsert;

/**
 * Real providers with their public base URLs and published data policies (approximate, as of 2025).
 * Pointing Switchyard at the real APIs only needs keys; the simulator mirrors these paths.
 */
export const providerSeeds: ProviderSeed[] = [
  { id: "openai", name: "OpenAI", apiFormat: "openai", baseUrl: "https://api.openai.com/v1", retainsPrompts: true, retentionDays: 30, region: "us", headquarters: "US" },
  { id: "azure", name: "Azure", apiFormat: "openai", baseUrl: "https://switchyard.openai.azure.com/openai/v1", zdr: true, region: "us", headquarters: "US" },
  { id: "anthropic", name: "Anthropic", apiFormat: "anthropic", baseUrl: "https://api.anthropic.com", retainsPrompts: true, retentionDays: 30, region: "us", headquarters: "US" },
  { id: "google-ai-studio", name: "Google AI Studio", apiFormat: "gemini", baseUrl: "https://generativelanguage.googleapis.com", trainsOnPrompts: true, retainsPrompts: true, retentionDays: 55, region: "us", headquarters: "US" },
  { id: "google-vertex", name: "Google Vertex", apiFormat: "gemini", baseUrl: "https://europe-west4-aiplatform.googleapis.com", zdr: true, region: "eu", headquarters: "US" },
  { id: "mistral", name: "Mistral", apiFormat: "openai_compatible", baseUrl: "https://api.mistral.ai/v1", retainsPrompts: true, retentionDays: 30, region: "eu", headquarters: "FR" },
  { id: "groq", name: "Groq", apiFormat: "openai_compatible", baseUrl: "https://api.groq.com/openai/v1", zdr: true, region: "us", headquarters: "US" },
  { id: "together", name: "Together", apiFormat: "openai_compatible", baseUrl: "https://api.together.xyz/v1", retainsPrompts: true, region: "us", headquarters: "US" },
  { id: "deepinfra", name: "DeepInfra", apiFormat: "openai_compatible", baseUrl: "https://api.deepinfra.com/v1/openai", zdr: true, region: "us", headquarters: "US" },
  { id: "fireworks", name: "Fireworks", apiFormat: "openai_compatible", baseUrl: "https://api.fireworks.ai/inference/v1", zdr: true, region: "us", headquarters: "US" },
  { id: "chutes", name: "Chutes", apiFormat: "openai_compatible", baseUrl: "https://llm.chutes.ai/v1", trainsOnPrompts: true, retainsPrompts: true, region: "us", headquarters: "US" },
];
