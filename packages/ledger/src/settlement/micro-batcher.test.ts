import { describe, expect, it } from "vitest";
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
});
