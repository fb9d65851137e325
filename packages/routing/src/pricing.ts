import type { CatalogEndpoint } from "./types.ts";

type PricedEndpoint = Pick<
  CatalogEndpoint,
  "inputPriceNanos" | "outputPriceNanos" | "cacheReadPriceNanos" | "maxOutputTokens"
>;

export interface TokenUsage {
  /** All prompt tokens, cached ones included (OpenAI `prompt_tokens` semantics). */
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens served from the provider's cache; billed at `cacheReadPriceNanos` when set. */
  cachedTokens?: number;
}

const DECIMAL = /^\s*(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?\s*$/i;

function toTokenCount(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return BigInt(value);
}

/**
 * USD per million tokens (OpenRouter `max_price.prompt` / `.completion`, a number or a decimal string)
 * to nano-dollars per token, with integer math only: USD/M * 1000 = nanos per token.
 *
 * Sub-nano fractions are floored. That keeps comparisons exact because catalog prices are whole
 * nanos: `price <= limit` holds exactly when `price <= floor(limit)`.
 * Throws RangeError for negatives, NaN, Infinity and anything that is not a decimal number.
 */
export function parseUsdPerMillion(value: number | string): bigint {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`Price must be a finite number, got ${value}`);
  }
  // Number#toString gives the shortest decimal that round-trips, e.g. 1.25 -> "1.25", 1e-7 -> "1e-7".
  const text = typeof value === "number" ? value.toString() : value;
  const match = DECIMAL.exec(text);
  const whole = match?.[1] ?? "";
  const frac = match?.[2] ?? "";
  if (!match || (whole === "" && frac === "")) {
    throw new RangeError(
      `Price must be a non-negative decimal number of USD per million tokens, got "${text}"`,
    );
  }
  const exponent = Number(match[3] ?? "0");
  const digits = BigInt(`${whole}${frac}` || "0");
  // value = digits * 10^(exponent - frac.length); nanos/token = value * 10^3
  const shift = exponent - frac.length + 3;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  return digits / 10n ** BigInt(-shift);
}

/** Worst-case cost of a request: every prompt token plus `maxOutputTokens` (default: the endpoint's limit). */
export function maxCostNanos(
  endpoint: PricedEndpoint,
  promptTokens: number,
  maxOutputTokens?: number,
): bigint {
  const prompt = toTokenCount(promptTokens, "promptTokens");
  const output = toTokenCount(maxOutputTokens ?? endpoint.maxOutputTokens, "maxOutputTokens");
  return prompt * endpoint.inputPriceNanos + output * endpoint.outputPriceNanos;
}

/** What a finished request costs. Cached prompt tokens use the cache-read price when the endpoint has one. */
export function actualCostNanos(endpoint: PricedEndpoint, usage: TokenUsage): bigint {
  const prompt = toTokenCount(usage.promptTokens, "promptTokens");
  const completion = toTokenCount(usage.completionTokens, "completionTokens");
  let cached = toTokenCount(usage.cachedTokens ?? 0, "cachedTokens");
  if (cached > prompt) cached = prompt; // bigint: no Math.min
  const cachePrice = endpoint.cacheReadPriceNanos ?? endpoint.inputPriceNanos;
  return (
    (prompt - cached) * endpoint.inputPriceNanos +
    cached * cachePrice +
    completion * endpoint.outputPriceNanos
  );
}

/**
 * The largest `max_tokens` the spendable balance covers after paying for the prompt, capped at the
 * endpoint's output limit. 0 when even the prompt is unaffordable.
 */
export function affordableOutputTokens(
  endpoint: PricedEndpoint,
  promptTokens: number,
  spendableNanos: bigint,
): number {
  const remaining = spendableNanos - toTokenCount(promptTokens, "promptTokens") * endpoint.inputPriceNanos;
  if (remaining < 0n) return 0;
  const limit = BigInt(endpoint.maxOutputTokens);
  if (endpoint.outputPriceNanos === 0n) return endpoint.maxOutputTokens;
  const affordable = remaining / endpoint.outputPriceNanos;
  return Number(affordable < limit ? affordable : limit);
}
