import { describe, expect, it } from "vitest";
import { newId, newTimeOrderedId, randomToken } from "./ids.ts";

describe("ids", () => {
  it("draws distinct base62 tokens of the asked length, across many refills of the random pool", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) seen.add(randomToken());
    expect(seen.size).toBe(2_000);
    for (const token of seen) expect(token).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(randomToken(5_000)).toHaveLength(5_000);
    expect(newId("gen")).toMatch(/^gen_[0-9A-Za-z]{22}$/);
  });

  it("orders time-ordered ids by their creation time in byte order, in the same shape as random ids", () => {
    const times = [0, 61, 62, 1_796_128_934_000, 1_796_128_934_001, 1_796_128_935_000, 62 ** 8 - 1];
    const ids = times.map((ms) => newTimeOrderedId("gen", ms));
    for (const id of ids) expect(id).toMatch(/^gen_[0-9A-Za-z]{22}$/);
    // Byte order, as Postgres compares them under the C collation (not localeCompare).
    const byBytes = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(byBytes).toEqual(ids);
    const sameMs = new Set(Array.from({ length: 1_000 }, () => newTimeOrderedId("gen", 1_796_128_934_000)));
    expect(sameMs.size).toBe(1_000);
  });
});
