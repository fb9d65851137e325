import { newId } from "@switchyard/db";
import { testRedisUrl } from "@switchyard/db/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisRateLimiter } from "../../src/rate-limit/redis.ts";

const connections: Redis[] = [];
const connect = () => {
  const redis = new Redis(testRedisUrl());
  connections.push(redis);
  return redis;
};
let monitor: Redis;
const scriptCalls = new Map<string, number>();

beforeAll(async () => {
  // MONITOR sees every command Redis runs: the limiter's script calls, counted per key.
  monitor = await connect().monitor();
  monitor.on("monitor", (_time: string, args: string[]) => {
    if (!args[0]?.toLowerCase().startsWith("eval")) return;
    const key = args.find((arg) => arg.startsWith("test:rl-batches:"));
    if (key) scriptCalls.set(key, (scriptCalls.get(key) ?? 0) + 1);
  });
});
afterAll(() => {
  for (const redis of connections) redis.disconnect();
});

/** Redis script calls seen for this key so far (MONITOR reports asynchronously: wait a moment). */
async function callsFor(prefix: string, key: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return scriptCalls.get(`${prefix}:rl:${key}`) ?? 0;
}

describe("rate limit batches (cells taken from Redis ahead)", () => {
  it("decides most of a busy key's requests in memory, and two gateways never pass its limit together", async () => {
    const prefix = `test:rl-batches:${newId("txn")}`;
    const gateways = [new RedisRateLimiter(connect(), prefix), new RedisRateLimiter(connect(), prefix)];
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
    expect(await callsFor(prefix, "key")).toBeLessThan(checks / 10);
  });

  it("takes one cell per request for a key whose limit is under 1,200 a minute, and remembers a refusal", async () => {
    const prefix = `test:rl-batches:${newId("txn")}`;
    const limiter = new RedisRateLimiter(connect(), prefix);
    const verdicts = [];
    for (let i = 0; i < 12; i++) verdicts.push(await limiter.check("key", 10));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect(verdicts.at(-1)?.retryAfterMs).toBeGreaterThan(0);
    // Ten cells, one refusal; the twelfth request is refused from memory until the retry time.
    expect(await callsFor(prefix, "key")).toBe(11);
  });
});
