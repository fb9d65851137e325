import type { Granularity, UsageRange } from "./queries.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RANGE_OPTIONS = {
  "24h": { days: 1, granularity: "hour" },
  "7d": { days: 7, granularity: "day" },
  "30d": { days: 30, granularity: "day" },
} as const;
export type RangeKey = keyof typeof RANGE_OPTIONS;

export function isRangeKey(value: unknown): value is RangeKey {
  return typeof value === "string" && value in RANGE_OPTIONS;
}

/** The window ending at the next full hour, so the current hour's rollup is included. */
export function resolveRange(
  key: RangeKey,
  granularity: Granularity | undefined,
  now = new Date(),
): UsageRange {
  const option = RANGE_OPTIONS[key];
  const to = new Date(Math.floor(now.getTime() / HOUR) * HOUR + HOUR);
  const from = new Date(to.getTime() - option.days * DAY);
  return { from, to, granularity: granularity ?? option.granularity };
}

/**
 * The start of every UTC day or hour the range touches, oldest first: a chart's axis, so days
 * without traffic show as empty rather than vanishing (a week with one busy day is still a week).
 */
export function bucketStarts(range: UsageRange): Date[] {
  const step = range.granularity === "day" ? DAY : HOUR;
  // Epoch time is counted from a UTC midnight, so flooring to the step lands on UTC boundaries.
  const starts: Date[] = [];
  for (let t = Math.floor(range.from.getTime() / step) * step; t < range.to.getTime(); t += step) {
    starts.push(new Date(t));
  }
  return starts;
}
