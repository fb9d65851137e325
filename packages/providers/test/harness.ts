import { randomUUID } from "node:crypto";
import { configureSimProvider, type SettingsPatch, startProviderSim } from "@switchyard/provider-sim";
import { simulatorBaseUrl } from "../src/index.ts";
import type { ProviderFormat, UpstreamTarget } from "../src/types.ts";

export type RunningSim = Awaited<ReturnType<typeof startProviderSim>>;

export function startSim(): Promise<RunningSim> {
  return startProviderSim({ port: 0, host: "127.0.0.1", seed: 11 });
}

/** Real base URLs per format (as in the catalog seed); the simulator mirrors their paths. */
const REAL_BASE_URL: Record<ProviderFormat, string> = {
  openai: "https://api.openai.com/v1",
  openai_compatible: "https://api.groq.com/openai/v1",
  anthropic: "https://api.anthropic.com",
  gemini: "https://generativelanguage.googleapis.com",
};

const MODEL: Record<ProviderFormat, string> = {
  openai: "gpt-4o-mini",
  openai_compatible: "llama-3.3-70b-versatile",
  anthropic: "claude-sonnet-4-20250514",
  gemini: "gemini-2.0-flash",
};

/** A target on a fresh provider id, so each test has its own simulator settings and stats. */
export function targetFor(sim: RunningSim, format: ProviderFormat, apiKey = "sk-test"): UpstreamTarget {
  const providerId = `${format}-${randomUUID().slice(0, 8)}`;
  return {
    providerId,
    baseUrl: simulatorBaseUrl(sim.url, providerId, REAL_BASE_URL[format]),
    apiKey,
    upstreamModel: MODEL[format],
  };
}

export function configure(sim: RunningSim, providerId: string, patch: SettingsPatch): Promise<void> {
  return configureSimProvider(sim.url, providerId, patch);
}

export function callOptions(timeoutMs = 5000, signal: AbortSignal = new AbortController().signal) {
  return { signal, timeoutMs };
}

export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

export const FORMATS: ProviderFormat[] = ["openai", "openai_compatible", "anthropic", "gemini"];
