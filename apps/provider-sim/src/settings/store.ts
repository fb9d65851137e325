import type { SettingsPatch } from "./patch-schema.ts";
import { DEFAULT_SETTINGS, type SimSettings } from "./settings.ts";

/** In-memory per-provider settings, with defaults for any provider never configured. */
export class SimSettingsStore {
  readonly #byProvider = new Map<string, SimSettings>();
  readonly #sequence = new Map<string, number>();

  constructor(initial?: Record<string, SettingsPatch>) {
    if (initial) for (const [providerId, patch] of Object.entries(initial)) this.update(providerId, patch);
  }

  /** Returns the shared defaults object (no allocation) for unconfigured providers. */
  get(providerId: string): Readonly<SimSettings> {
    return this.#byProvider.get(providerId) ?? DEFAULT_SETTINGS;
  }

  update(providerId: string, patch: SettingsPatch): Readonly<SimSettings> {
    const next: SimSettings = { ...this.get(providerId) };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (value === null) delete (next as unknown as Record<string, unknown>)[key];
      else (next as unknown as Record<string, unknown>)[key] = value;
    }
    this.#byProvider.set(providerId, next);
    this.#sequence.delete(providerId);
    return next;
  }

  reset(): void {
    this.#byProvider.clear();
    this.#sequence.clear();
  }

  /** The per-provider request counter that drives the deterministic fault sequence. */
  nextSequence(providerId: string): number {
    const n = this.#sequence.get(providerId) ?? 0;
    this.#sequence.set(providerId, n + 1);
    return n;
  }
}
