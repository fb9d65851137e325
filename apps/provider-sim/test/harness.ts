import { randomUUID } from "node:crypto";
import { configureSimProvider, type SettingsPatch, startProviderSim } from "../src/index.ts";

export type RunningSim = Awaited<ReturnType<typeof startProviderSim>>;

export function startSim(seed = 7): Promise<RunningSim> {
  return startProviderSim({ port: 0, host: "127.0.0.1", seed });
}

/** A fresh provider id per test, so settings, stats and fault sequences never leak between tests. */
export function uniqueProvider(prefix = "p"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function configure(sim: RunningSim, providerId: string, patch: SettingsPatch): Promise<void> {
  return configureSimProvider(sim.url, providerId, patch);
}

export interface SseEvent {
  event: string | undefined;
  data: string;
}

/** Splits a complete SSE body into events (test-side, whole-body parser). */
export function parseSseBody(body: string): SseEvent[] {
  return body
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim().length > 0)
    .map((block) => {
      let event: string | undefined;
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      return { event, data: data.join("\n") };
    });
}

export async function pollUntil<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met before deadline");
    await new Promise((r) => setImmediate(r));
  }
}

export const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Weather for a city",
    parameters: {
      type: "object",
      properties: {
        city: { type: "string" },
        unit: { type: "string", enum: ["c", "f"] },
        days: { type: "integer", minimum: 1, maximum: 7 },
      },
      required: ["city", "unit", "days"],
    },
  },
};

export async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
