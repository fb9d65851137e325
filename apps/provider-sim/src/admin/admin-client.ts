import type { SettingsPatch } from "../settings/patch-schema.ts";

/**
 * Client for the simulator's admin API, for tests and benchmarks that inject faults or latency
 * into a running simulator (in-process or another process).
 */
export async function configureSimProvider(
  simUrl: string,
  providerId: string,
  patch: SettingsPatch,
): Promise<void> {
  const response = await fetch(`${simUrl}/__admin/providers/${providerId}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  if (!response.ok)
    throw new Error(
      `simulator rejected settings for ${providerId}: ${response.status} ${await response.text()}`,
    );
}

/** Resets every provider's settings and the request counters. */
export async function resetSim(simUrl: string): Promise<void> {
  const response = await fetch(`${simUrl}/__admin/providers`, { method: "DELETE" });
  if (!response.ok) throw new Error(`simulator reset failed: ${response.status}`);
}
