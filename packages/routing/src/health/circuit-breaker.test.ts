import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker.ts";
import { DEFAULT_HEALTH_CONFIG } from "./config.ts";

const T = 1_700_000_000_000;

function feed(breaker: CircuitBreaker, outcomes: boolean[]): void {
  outcomes.forEach((ok, i) => {
    if (ok) breaker.onSuccess(T + i);
    else breaker.onFailure(T + i);
  });
}

describe("CircuitBreaker", () => {
  it("opens after three consecutive failures, not before", () => {
    const breaker = new CircuitBreaker(DEFAULT_HEALTH_CONFIG);
    breaker.onFailure(T);
    breaker.onFailure(T + 1);
    expect(breaker.state(T + 2)).toBe("closed");
    breaker.onFailure(T + 2);
    expect(breaker.state(T + 2)).toBe("open");
    expect(breaker.tryAcquire(T + 3)).toBe(false);
  });

  it("a success resets the consecutive count", () => {
    const breaker = new CircuitBreaker(DEFAULT_HEALTH_CONFIG);
    breaker.onFailure(T);
    breaker.onFailure(T + 1);
    breaker.onSuccess(T + 2);
    breaker.onFailure(T + 3);
    breaker.onFailure(T + 4);
    expect(breaker.state(T + 5)).toBe("closed");
    expect(breaker.consecutiveFailures).toBe(2);
  });

  it("opens on an error rate above 50% once 10 outcomes are in the 30 s window", () => {
    const breaker = new CircuitBreaker(DEFAULT_HEALTH_CONFIG);
    // F F S F F S F F S F: never 3 in a row; 7/10 failures at the 10th outcome.
    const pattern = [false, false, true, false, false, true, false, false, true];
    feed(breaker, pattern);
    expect(breaker.state(T + 9)).toBe("closed");
    breaker.onFailure(T + 9);
    expect(breaker.state(T + 9)).toBe("open");
  });

  it("does not count outcomes older than the error-rate window", () => {
    const breaker = new CircuitBreaker(DEFAULT_HEALTH_CONFIG);
    const pattern = [false, false, true, false, false, true, false, false, true];
    feed(breaker, pattern);
    breaker.onSuccess(T + 40_000);
    breaker.onFailure(T + 40_001);
    expect(breaker.state(T + 40_001)).toBe("closed");
  });

  it("half-opens after the cool-down, lets one probe through, and closes on success", () => {
    const breaker = new CircuitBreaker(DEFAULT_HEALTH_CONFIG);
    for (let i = 0; i < 3; i++) breaker.onFailure(T);
    expect(breaker.state(T + 4_999)).toBe("open");
    expect(breaker.state(T + 5_000)).toBe("half_open");
    expect(breaker.tryAcquire(T + 5_000)).toBe(true);
    expect(breaker.tryAcquire(T + 5_001)).toBe(false);
    breaker.onSuccess(T + 5_100);
    expect(breaker.state(T + 5_100)).toBe("closed");
    expect(breaker.tryAcquire(T + 5_101)).toBe(true);
    // A fresh window after recovery: one failure does not re-open on the old error rate.
    breaker.onFailure(T + 5_200);
    expect(breaker.state(T + 5_200)).toBe("closed");
  });

  it("re-opens when the probe fails and restarts the cool-down", () => {
    const breaker = new CircuitBreaker(DEFAULT_HEALTH_CONFIG);
    for (let i = 0; i < 3; i++) breaker.onFailure(T);
    expect(breaker.tryAcquire(T + 6_000)).toBe(true);
    breaker.onFailure(T + 6_000);
    expect(breaker.state(T + 6_001)).toBe("open");
    expect(breaker.state(T + 10_999)).toBe("open");
    expect(breaker.state(T + 11_000)).toBe("half_open");
  });

  it("lets another probe through if the first one never reported back within a cool-down", () => {
    const breaker = new CircuitBreaker(DEFAULT_HEALTH_CONFIG);
    for (let i = 0; i < 3; i++) breaker.onFailure(T);
    expect(breaker.tryAcquire(T + 5_000)).toBe(true);
    expect(breaker.tryAcquire(T + 9_999)).toBe(false);
    expect(breaker.tryAcquire(T + 10_000)).toBe(true);
  });
});
