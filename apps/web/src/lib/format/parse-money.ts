import { dollarsToNanos } from "@switchyard/config";
import { UserError } from "../errors.ts";

/** "12.5" -> 1250 cents; refuses more than two decimals, negatives and junk. */
export function dollarsToCents(input: string, field = "Amount"): number {
  const text = input.trim().replace(/^\$/, "");
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new UserError(`${field} must be a dollar amount like 25 or 12.50.`);
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Optional dollar limit (empty = none) -> nanos. */
export function optionalDollarsToNanos(input: string | null | undefined, field: string): bigint | null {
  const text = (input ?? "").trim().replace(/^\$/, "");
  if (text === "") return null;
  if (!/^\d{1,9}(?:\.\d{1,9})?$/.test(text))
    throw new UserError(`${field} must be a dollar amount like 10 or 2.50.`);
  return dollarsToNanos(text);
}
