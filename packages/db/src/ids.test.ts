import { describe, expect, it } from "vitest";
import { newId, randomToken } from "./ids.ts";

describe("ids", () => {
  it("draws distinct base62 tokens of the asked length, across many refills of the random pool", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) seen.add(randomToken());
    expect(seen.size).toBe(2_000);
    for (const token of seen) expect(token).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(randomToken(5_000)).toHaveLength(5_000);
    expect(newId("gen")).toMatch(/^gen_[0-9A-Za-z]{22}$/);
  });
});
