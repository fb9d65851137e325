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
