import { unitFloat } from "../engine/hash.ts";
import type { SimSettings } from "../settings/settings.ts";
import type { SimSettingsStore } from "../settings/store.ts";

export type Fault =
  | { kind: "none" }
  | { kind: "hang" }
  | { kind: "rate_limit"; retryAfterSeconds: number }
  | { kind: "error"; status: number };

const NONE: Fault = { kind: "none" };
const HANG: Fault = { kind: "hang" };

/**
 * Which fault (if any) this request gets. Rates draw from a deterministic sequence per provider
 * (seed, providerId, request number), so a run with the same seed fails the same requests.
 */
export function decideFault(
  settings: Readonly<SimSettings>,
  store: SimSettingsStore,
  providerId: string,
  seed: number,
): Fault {
  if (settings.hang) return HANG;
  if (settings.rateLimitRate <= 0 && settings.errorRate <= 0) return NONE;
  const n = store.nextSequence(providerId);
  if (settings.rateLimitRate > 0 && unitFloat(seed, `${providerId}:429`, n) < settings.rateLimitRate) {
    return { kind: "rate_limit", retryAfterSeconds: settings.retryAfterSeconds };
  }
  if (settings.errorRate > 0 && unitFloat(seed, `${providerId}:err`, n) < settings.errorRate) {
    return { kind: "error", status: settings.errorStatus };
  }
  return NONE;
}
