import { describe, expect, it, vi } from "vitest";
import { MicroBatcher } from "./micro-batcher.ts";

describe("MicroBatcher", () => {
  it("groups items that arrive together and settles each with its own outcome", async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number>(
      async (items) => {
        batches.push(items);
        return items.map((n) => (n === 3 ? new Error("bad item") : null));
      },
      { maxBatch: 100, maxDelayMs: 5 },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => batcher.add(n)));
    expect(batches).toEqual([[1, 2, 3, 4]]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
  });

  it("flushes as soon as maxBatch items are waiting", async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number>(
      async (items) => {
        batches.push(items);
        return items.map(() => null);
      },
      { maxBatch: 2, maxDelayMs: 60_000 },
    );
    await Promise.all([batcher.add(1), batcher.add(2)]);
    const third = batcher.add(3);
    await batcher.close();
    await third;
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it("lets items that arrive during a flush wait out their own window, not the flush's end", async () => {
    vi.useFakeTimers();
    const batches: number[][] = [];
    let release: () => void = () => {};
    const batcher = new MicroBatcher<number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return items.map(() => null);
      },
      { maxBatch: 100, maxDelayMs: 20 },
    );
    const first = batcher.add(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toEqual([[1]]);
    const second = batcher.add(2);
    await vi.advanceTimersByTimeAsync(5);
    release();
    await first;
    // The first flush is done 5 ms into the second item's window: it still waits for company.
    const third = batcher.add(3);
    await vi.advanceTimersByTimeAsync(10);
    expect(batches).toEqual([[1]]);
    await vi.advanceTimersByTimeAsync(5);
    expect(batches).toEqual([[1], [2, 3]]);
    await Promise.all([second, third]);
    vi.useRealTimers();
  });

  it("holds items while maxInFlight batches run and sends them together when one finishes", async () => {
    vi.useFakeTimers();
    const batches: number[][] = [];
    let release: () => void = () => {};
    const firstDone = new Promise<void>((resolve) => {
      release = resolve;
    });
    const batcher = new MicroBatcher<number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await firstDone;
        return items.map(() => null);
      },
      { maxBatch: 2, maxDelayMs: 1, maxInFlight: 1 },
    );
    const first = Promise.all([batcher.add(1), batcher.add(2)]);
    const later = Promise.all([3, 4, 5].map((n) => batcher.add(n)));
    // Well past the 1 ms timer: the later items must still wait for the batch in flight.
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toEqual([[1, 2]]);
    vi.useRealTimers();
    release();
    await Promise.all([first, later]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });
});
