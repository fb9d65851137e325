import { randomUUID } from "node:crypto";
import { testRedisUrl } from "@switchyard/db/testing";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { loginLimitKey, memoryLoginLimiter, redisLoginLimiter } from "./rate-limit.ts";

const client = new Redis(testRedisUrl());
afterAll(() => client.quit());

describe("login rate limit", () => {
  it("blocks an email+IP after 5 failures in Redis, leaving other IPs alone", async () => {
    const limiter = redisLoginLimiter(
      client,
      { maxFailures: 5, windowSeconds: 300 },
      `test:${randomUUID()}:`,
    );
    const key = loginLimitKey("Ada@Example.com", "10.0.0.1");
    for (let i = 0; i < 4; i++) await limiter.recordFailure(key);
    expect(await limiter.retryAfter(key)).toBe(0);
    await limiter.recordFailure(key);
    const wait = await limiter.retryAfter(key);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(300);
    expect(await limiter.retryAfter(loginLimitKey("ada@example.com", "10.0.0.2"))).toBe(0);
    expect(await limiter.retryAfter(loginLimitKey("ADA@example.com ", "10.0.0.1"))).toBe(wait);
  });

  it("a successful sign-in resets the Redis counter", async () => {
    const limiter = redisLoginLimiter(client, { maxFailures: 2, windowSeconds: 60 }, `test:${randomUUID()}:`);
    await limiter.recordFailure("k");
    await limiter.reset("k");
    await limiter.recordFailure("k");
    expect(await limiter.retryAfter("k")).toBe(0);
  });

  it("in-process limiter blocks after the limit and forgets after the window", async () => {
    let now = 1_000_000;
    const limiter = memoryLoginLimiter({ maxFailures: 5, windowSeconds: 300 }, () => now);
    for (let i = 0; i < 5; i++) await limiter.recordFailure("k");
    expect(await limiter.retryAfter("k")).toBe(300);
    now += 299_000;
    expect(await limiter.retryAfter("k")).toBe(1);
    now += 1_000;
    expect(await limiter.retryAfter("k")).toBe(0);
  });
});
