import { describe, expect, it } from "vitest";
import { dateTime, usd, utcDay } from "./display.ts";

describe("usd display", () => {
  it("shows cents for normal amounts and more digits for tiny per-request costs", () => {
    expect(usd(25_000_000_000n)).toBe("$25.00");
    expect(usd(0n)).toBe("$0.00");
    expect(usd(1_234_567n)).toBe("$0.001235");
    expect(usd(490n)).toBe("$0.000000490");
    expect(usd(-5_000_000_000n)).toBe("-$5.00");
  });
});

describe("date display", () => {
  it("shows a moment to the minute and a day of usage as its UTC date alone", () => {
    expect(dateTime("2026-12-07T12:43:59.824Z")).toBe("2026-12-07 12:43 UTC");
    expect(utcDay("2026-12-07T23:59:59.999Z")).toBe("2026-12-07 UTC");
    expect(utcDay(new Date("2026-12-31T00:00:00.000Z"))).toBe("2026-12-31 UTC");
  });
});
