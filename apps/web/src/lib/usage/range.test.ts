import { describe, expect, it } from "vitest";
import { bucketStarts, resolveRange } from "./range.ts";

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("usage range buckets", () => {
  it("gives every UTC day a 7-day range touches, the partial first day included", () => {
    const range = resolveRange("7d", undefined, new Date("2026-12-07T12:53:00Z"));
    expect(range.from.toISOString()).toBe("2026-11-30T13:00:00.000Z");
    expect(iso(bucketStarts(range))).toEqual([
      "2026-11-30T00:00:00.000Z",
      "2026-12-01T00:00:00.000Z",
      "2026-12-02T00:00:00.000Z",
      "2026-12-03T00:00:00.000Z",
      "2026-12-04T00:00:00.000Z",
      "2026-12-05T00:00:00.000Z",
      "2026-12-06T00:00:00.000Z",
      "2026-12-07T00:00:00.000Z",
    ]);
  });

  it("gives every hour of a 24-hour range, ending with the current one", () => {
    const starts = bucketStarts(resolveRange("24h", undefined, new Date("2026-12-07T12:53:00Z")));
    expect(starts).toHaveLength(24);
    expect(starts[0]?.toISOString()).toBe("2026-12-06T13:00:00.000Z");
    expect(starts.at(-1)?.toISOString()).toBe("2026-12-07T12:00:00.000Z");
  });

  it("gives 30 days of hours when asked hourly", () => {
    const starts = bucketStarts(resolveRange("30d", "hour", new Date("2026-12-07T12:53:00Z")));
    expect(starts).toHaveLength(30 * 24);
    expect(new Set(starts.map((d) => d.getUTCMinutes() + d.getUTCSeconds()))).toEqual(new Set([0]));
  });
});
