import { NANOS_PER_CENT } from "@switchyard/config";

export interface FeeSchedule {
  /** 550 = 5.5 % */
  percentBps: number;
  minCents: number;
}

export interface FeeQuote {
  creditCents: number;
  feeCents: number;
  totalCents: number;
  creditNanos: bigint;
  feeNanos: bigint;
}

export const MIN_PURCHASE_CENTS = 500;
export const MAX_PURCHASE_CENTS = 1_000_000;

/** Fee on a credit purchase: percentage rounded up to the cent, never below the minimum. Integer math. */
export function quoteFee(creditCents: number, schedule: FeeSchedule): FeeQuote {
  if (!Number.isSafeInteger(creditCents) || creditCents < 0)
    throw new RangeError("creditCents must be a whole number");
  const percentFee = Math.ceil((creditCents * schedule.percentBps) / 10_000);
  const feeCents = Math.max(percentFee, schedule.minCents);
  return {
    creditCents,
    feeCents,
    totalCents: creditCents + feeCents,
    creditNanos: BigInt(creditCents) * NANOS_PER_CENT,
    feeNanos: BigInt(feeCents) * NANOS_PER_CENT,
  };
}
