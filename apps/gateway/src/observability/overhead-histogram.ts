/**
 * Prometheus histogram of the gateway's own time per request (total minus time waiting on the
 * upstream). Hand-rolled: a fixed bucket array is all the hot path should pay for.
 */
const BUCKETS_MS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250];

export class OverheadHistogram {
  readonly #counts = new Map<string, number[]>();
  readonly #sums = new Map<string, number>();

  observe(labels: { streamed: boolean }, ms: number): void {
    const key = labels.streamed ? "true" : "false";
    let counts = this.#counts.get(key);
    if (!counts) {
      counts = new Array<number>(BUCKETS_MS.length + 1).fill(0);
      this.#counts.set(key, counts);
    }
    let index = BUCKETS_MS.findIndex((bound) => ms <= bound);
    if (index === -1) index = BUCKETS_MS.length;
    counts[index] = (counts[index] ?? 0) + 1;
    this.#sums.set(key, (this.#sums.get(key) ?? 0) + ms);
  }

  render(): string {
    const name = "switchyard_gateway_overhead_ms";
    const lines = [
      `# HELP ${name} Gateway time per request not spent waiting on the upstream.`,
      `# TYPE ${name} histogram`,
    ];
    for (const [streamed, counts] of this.#counts) {
      let cumulative = 0;
      BUCKETS_MS.forEach((bound, i) => {
        cumulative += counts[i] ?? 0;
        lines.push(`${name}_bucket{streamed="${streamed}",le="${bound}"} ${cumulative}`);
      });
      cumulative += counts[BUCKETS_MS.length] ?? 0;
      lines.push(`${name}_bucket{streamed="${streamed}",le="+Inf"} ${cumulative}`);
      lines.push(`${name}_sum{streamed="${streamed}"} ${this.#sums.get(streamed) ?? 0}`);
      lines.push(`${name}_count{streamed="${streamed}"} ${cumulative}`);
    }
    return `${lines.join("\n")}\n`;
  }
}
