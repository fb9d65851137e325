import { describe, expect, it } from "vitest";
import { billingEnvSchema } from "./env.ts";
import { quoteFee } from "./fees.ts";

const schedule = { percentBps: 550, minCents: 80 };

describe("quoteFee", () => {
  it("charges the minimum fee on small purchases", () => {
    expect(quoteFee(500, schedule)).toMatchObject({ creditCents: 500, feeCents: 80, totalCents: 580 });
  });

  it("charges the percentage rounded up to the cent on large purchases", () => {
    expect(quoteFee(10_000, schedule)).toMatchObject({ feeCents: 550, totalCents: 10_550 });
    expect(quoteFee(10_001, schedule).feeCents).toBe(551);
  });

  it("converts cents to nanos exactly", () => {
    expect(quoteFee(2_000, schedule).creditNanos).toBe(20_000_000_000n);
  });

  it("reads the fee percentage from env as basis points", () => {
    const env = billingEnvSchema.parse({
      DATABASE_URL: "postgres://x@localhost/db",
      BILLING_INTERNAL_TOKEN: "0123456789abcdef",
      CREDIT_FEE_PERCENT: "2.9",
    });
    expect(env.CREDIT_FEE_PERCENT).toBe(290);
    expect(env.CREDIT_FEE_MIN_CENTS).toBe(80);
    expect(env.BILLING_PORT).toBe(8081);
  });
});
