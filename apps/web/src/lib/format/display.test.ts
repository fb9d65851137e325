import { describe, expect, it } from "vitest";
import { usd } from "./display.ts";

describe("usd display", () => {
  it("shows cents for normal amounts and more digits for tiny per-request costs", () => {
    expect(usd(25_000_000_000n)).toBe("$25.00");
    expect(usd(0n)).toBe("$0.00");
    expect(usd(1_234_567n)).toBe("$0.001235");
    expect(usd(490n)).toBe("$0.000000490");
    expect(usd(-5_000_000_000n)).toBe("-$5.00");
  });
});
