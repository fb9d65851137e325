/** Money helpers: amounts are integer nano-dollars (1e-9 USD) in bigint. */

export const NANOS_PER_DOLLAR = 1_000_000_000n;
export const NANOS_PER_CENT = 10_000_000n;

export function dollarsToNanos(dollars: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d{1,9}))?$/.exec(dollars.trim());
  if (!match) throw new Error(`Not a decimal dollar amount: ${dollars}`);
  const [, sign, whole = "0", frac = ""] = match;
  const nanos = BigInt(whole) * NANOS_PER_DOLLAR + BigInt(frac.padEnd(9, "0"));
  return sign ? -nanos : nanos;
}

/** Exact decimal string in dollars, e.g. 1234567n -> "0.001234567". */
export function nanosToDollarString(nanos: bigint): string {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const whole = abs / NANOS_PER_DOLLAR;
  const frac = (abs % NANOS_PER_DOLLAR).toString().padStart(9, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

/**
 * Number of dollars for JSON APIs that must expose a number (OpenAI `usage.cost`). Display only:
 * it is derived from the exact bigint, never fed back into arithmetic.
 */
export function nanosToDollarNumber(nanos: bigint): number {
  return Number(nanosToDollarString(nanos));
}

/** Price per token in nanos -> OpenRouter-style decimal string of USD per token. */
export function perTokenPriceString(nanosPerToken: bigint): string {
  return nanosToDollarString(nanosPerToken);
}

/** Whole cents as an exact dollar string with two decimals, e.g. 1250 -> "12.50". */
export function centsToDollarString(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  return formatUsd(BigInt(cents) * NANOS_PER_CENT).replace("$", "");
}

export function formatUsd(nanos: bigint, fractionDigits = 2): string {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const scale = 10n ** BigInt(9 - fractionDigits);
  const rounded = (abs + scale / 2n) / scale;
  const str = rounded.toString().padStart(fractionDigits + 1, "0");
  const whole = str.slice(0, str.length - fractionDigits);
  const frac = str.slice(str.length - fractionDigits);
  return `${negative ? "-" : ""}$${whole}${fractionDigits > 0 ? `.${frac}` : ""}`;
}
