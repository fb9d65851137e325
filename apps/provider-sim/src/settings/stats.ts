export interface ProviderStats {
  total: number;
  byStatus: Record<string, number>;
}

/** Request counts per provider and outcome (HTTP status, or "hang" / "disconnect"). */
export class SimStats {
  readonly #byProvider = new Map<string, ProviderStats>();

  record(providerId: string, outcome: number | "hang" | "disconnect"): void {
    let stats = this.#byProvider.get(providerId);
    if (!stats) {
      stats = { total: 0, byStatus: {} };
      this.#byProvider.set(providerId, stats);
    }
    stats.total += 1;
    const key = String(outcome);
    stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
  }

  snapshot(): Record<string, ProviderStats> {
    const out: Record<string, ProviderStats> = {};
    for (const [id, s] of this.#byProvider) out[id] = { total: s.total, byStatus: { ...s.byStatus } };
    return out;
  }

  reset(): void {
    this.#byProvider.clear();
  }
}
