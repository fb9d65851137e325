import { newId } from "@switchyard/db";
import { testRedisUrl } from "@switchyard/db/testing";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RedisRateLimiter } from "../../src/rate-limit/redis.ts";

const connections: Redis[] = [];
afterAll(() => {
  for (const redis of connections) redis.disconnect();
});

/**
 * A limiter on its own connection, counting the script calls it sends to Redis; each call waits for
 * `redisAnswers` first, so a test can hold Redis's answers back.
 */
function limiterOn(
  prefix: string,
  counter: { calls: number },
  options: { now?: () => number; redisAnswers?: () => Promise<void> } = {},
): RedisRateLimiter {
  const redis = new Redis(testRedisUrl());
  connections.push(redis);
  const limiter = new RedisRateLimiter(redis, prefix, options.now);
  const commands = redis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const script = commands.syRateLimit;
  if (!script) throw new Error("rate limit script not registered");
  commands.syRateLimit = async (...args: unknown[]) => {
    counter.calls += 1;
    await options.redisAnswers?.();
    return script.apply(redis, args);
  };
  return limiter;
}

describe("rate limit batches (cells taken from Redis ahead)", () => {
  it("decides most of a busy key's requests in memory, and two gateways never pass its limit together", async () => {
    const prefix = `test:rl-batches:${newId("txn")}`;
    const counter = { calls: 0 };
    const gateways = [limiterOn(prefix, counter), limiterOn(prefix, counter)];
    const limit = 12_000;
    const started = Date.now();
    let allowed = 0;
    let checks = 0;
    for (let round = 0; round < 70; round++) {
      const verdicts = await Promise.all(
        Array.from({ length: 200 }, (_, i) => gateways[i % 2]?.check("key", limit)),
      );
      checks += verdicts.length;
      allowed += verdicts.filter((v) => v?.allowed).length;
    }
    const refill = Math.ceil(((Date.now() - started) * limit) / 60_000);
    expect(allowed).toBeLessThanOrEqual(limit + refill);
    // Cells a batch took but no request spent: at most a batch (0.1 s of the limit) per gateway.
    expect(allowed).toBeGreaterThanOrEqual(limit - 2 * (limit / 600));
    expect(checks).toBe(14_000);
    expect(counter.calls).toBeLessThan(checks / 10);
  });

  it("fetches a busy key's next batch while half of one is left, so no request waits on Redis for it", async () => {
    let now = 1_000_000;
    let answer = Promise.resolve();
    const counter = { calls: 0 };
    const limiter = limiterOn(`test:rl-batches:${newId("txn")}`, counter, {
      now: () => now,
      redisAnswers: () => answer,
    });
    // Ten requests in one 100 ms window make a batch of ten (the ceiling at 12,000 a minute is 20).
    for (let i = 0; i < 10; i++) await limiter.check("key", 12_000);
    now += 100;
    expect((await limiter.check("key", 12_000)).allowed).toBe(true);
    const callsWithFullBatch = counter.calls;
    // Redis now holds its answers back: the batch's remaining cells still decide at once, and the
    // refill has already been asked for.
    let openRedis = () => {};
    answer = new Promise((resolve) => {
      openRedis = resolve;
    });
    const decidedWithoutRedis: boolean[] = [];
    for (let i = 0; i < 9; i++) {
      const verdict = limiter.check("key", 12_000);
      const decided = await Promise.race([
        verdict.then((v) => v.allowed),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 50)),
      ]);
      decidedWithoutRedis.push(decided);
    }
    expect(decidedWithoutRedis).toEqual(Array(9).fill(true));
    expect(counter.calls).toBe(callsWithFullBatch + 1);
    openRedis();
    // The refill (five cells, what the batch lacked when it was asked for) arrives: the next five
    // requests decide from it, and the first of them, leaving under half a batch, asks for more.
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = new Promise(() => {});
    const refilled = counter.calls;
    for (let i = 0; i < 5; i++) expect((await limiter.check("key", 12_000)).allowed).toBe(true);
    expect(counter.calls).toBe(refilled + 1);
  });

  it("takes one cell per request for a key whose limit is under 1,200 a minute, and remembers a refusal", async () => {
    const counter = { calls: 0 };
    const limiter = limiterOn(`test:rl-batches:${newId("txn")}`, counter);
    const verdicts = [];
    for (let i = 0; i < 12; i++) verdicts.push(await limiter.check("key", 10));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect(verdicts.at(-1)?.retryAfterMs).toBeGreaterThan(0);
    // Ten cells, one refusal; the twelfth request is refused from memory until the retry time.
    expect(counter.calls).toBe(11);
  });
});
