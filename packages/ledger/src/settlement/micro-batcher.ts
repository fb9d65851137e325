/**
 * Collects items for a few milliseconds (or until `maxBatch`) and hands them to `flush` together.
 * `flush` answers one error (or null) per item; each `add` settles with its own item's outcome.
 *
 * `maxInFlight` bounds how many flushes run at once (group commit). Items that arrive while that
 * many are running wait and go out together as soon as one finishes, so the batch size grows with
 * the load instead of the timer cutting many small batches that then contend for the same rows.
 */
export class MicroBatcher<T> {
  private pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();
  /** Items are pending because every in-flight slot was busy: the next batch to finish sends them. */
  private heldBack = false;
  private readonly maxInFlight: number;

  constructor(
    private readonly flush: (items: T[]) => Promise<(unknown | null)[]>,
    private readonly options: { maxBatch: number; maxDelayMs: number; maxInFlight?: number },
  ) {
    this.maxInFlight = options.maxInFlight ?? Number.POSITIVE_INFINITY;
  }

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
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
      this.drain();
    }
  }

  private drain(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.pending.length > 0 && this.inFlight.size < this.maxInFlight) {
      const batch = this.pending.splice(0, this.options.maxBatch);
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
      void run.finally(() => {
        this.inFlight.delete(run);
        // Items held back by maxInFlight have waited long enough: send them now. Items that came
        // while a slot was free wait out their own window: sending them as each batch finished
        // cut every window short into a batch of the few that arrived during the flush.
        if (this.heldBack) this.drain();
      });
    }
    this.heldBack = this.pending.length > 0;
  }
}
