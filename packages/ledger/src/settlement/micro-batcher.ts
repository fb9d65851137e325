/**
 * Collects items for a few milliseconds (or until `maxBatch`) and hands them to `flush` together.
 * `flush` answers one error (or null) per item; each `add` settles with its own item's outcome.
 */
export class MicroBatcher<T> {
  private pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly flush: (items: T[]) => Promise<(unknown | null)[]>,
    private readonly options: { maxBatch: number; maxDelayMs: number },
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxBatch) this.drain();
      else if (this.timer === null) this.timer = setTimeout(() => this.drain(), this.options.maxDelayMs);
    });
  }

  /** Flushes what is pending and waits for every batch in flight. */
  async close(): Promise<void> {
    this.drain();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private drain(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const run = this.flush(batch.map((entry) => entry.item)).then(
      (errors) => {
        batch.forEach((entry, index) => {
          const error = errors[index] ?? null;
          if (error === null) entry.resolve();
          else entry.reject(error);
        });
      },
      (error: unknown) => {
        for (const entry of batch) entry.reject(error);
      },
    );
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }
}
