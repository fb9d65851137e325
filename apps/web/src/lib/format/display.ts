import { formatUsd } from "@switchyard/config";

/** Dollars for display: cents for normal amounts, more digits for sub-cent costs. */
export function usd(nanos: bigint): string {
  const abs = nanos < 0n ? -nanos : nanos;
  if (abs === 0n) return "$0.00";
  if (abs < 1_000n) return formatUsd(nanos, 9);
  if (abs < 10_000_000n) return formatUsd(nanos, 6);
  return formatUsd(nanos, 2);
}

const numberFormat = new Intl.NumberFormat("en-US");

export function int(value: number | bigint): string {
  return numberFormat.format(value);
}

export function dateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  const d = typeof date === "string" ? new Date(date) : date;
  return `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

/** A UTC calendar day, for lines that stand for a whole day (a day of usage). */
export function utcDay(date: Date | string): string {
  return `${dateTime(date).slice(0, 10)} UTC`;
}

export function timeAgo(date: Date | null | undefined, now = new Date()): string {
  if (!date) return "Never";
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${int(value)} ms`;
}
