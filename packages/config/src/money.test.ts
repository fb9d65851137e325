import { describe, expect, it } from "vitest";
import { centsToDollarString, dollarsToNanos, formatUsd, nanosToDollarString } from "./money.ts";

describe("money", () => {
  it("prints whole cents as exact two-decimal dollars, and refuses fractions of a cent", () => {
    expect(centsToDollarString(1250)).toBe("12.50");
    expect(centsToDollarString(7)).toBe("0.07");
    expect(centsToDollarString(-2500)).toBe("-25.00");
    // 0.1 + 0.2 style drift cannot happen: 1,000,000,019 cents stays exact.
    expect(centsToDollarString(1_000_000_019)).toBe("10000000.19");
    expect(() => centsToDollarString(12.5)).toThrow(RangeError);
  });

  it("converts decimal dollars to nanos exactly", () => {
    expect(dollarsToNanos("2.5")).toBe(2_500_000_000n);
    expect(dollarsToNanos("0.000000001")).toBe(1n);
    expect(dollarsToNanos("-10")).toBe(-10_000_000_000n);
  });

  it("rejects amounts with more precision than a nano-dollar", () => {
    expect(() => dollarsToNanos("0.0000000001")).toThrow();
    expect(() => dollarsToNanos("1e3")).toThrow();
  });

  it("prints exact dollar strings and rounded USD", () => {
    expect(nanosToDollarString(1_234_567n)).toBe("0.001234567");
    expect(nanosToDollarString(-5_000_000_000n)).toBe("-5");
    expect(formatUsd(1_234_567_890n)).toBe("$1.23");
    expect(formatUsd(4_995_000_000n)).toBe("$5.00");
  });
});
