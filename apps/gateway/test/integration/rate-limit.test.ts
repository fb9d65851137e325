import { apiKeys } from "@switchyard/db";
import { orgBalanceNanos } from "@switchyard/ledger";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type GatewayHarness, startGatewayHarness } from "../support/harness.ts";

let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness();
  await harness.db.update(apiKeys).set({ rateLimitPerMinute: 3 }).where(eq(apiKeys.id, harness.org.keyId));
});
afterAll(() => harness.close());

function chat() {
  return fetch(`${harness.apiUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${harness.org.apiKey}` },
    body: JSON.stringify({
      model: "openai/gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
      max_tokens: 5,
    }),
  });
}

describe("per-key rate limit (GCRA in Redis)", () => {
  it("allows the key's burst, then answers 429 with retry-after and rate-limit headers", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await chat()).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await chat();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("x-ratelimit-limit")).toBe("3");
    const body = (await limited.json()) as { error: { code: string; type: string } };
    expect(body.error.code).toBe("rate_limit_exceeded");
    expect(body.error.type).toBe("rate_limit_error");
    // A request refused for another reason still counts, and over the limit the answer is 429.
    const malformed = await fetch(`${harness.apiUrl}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${harness.org.apiKey}` },
      body: "{",
    });
    expect(malformed.status).toBe(429);
  });

  it("holds no credit for a refused request (its hold, reserved while the verdict was pending, is released)", async () => {
    const { orgId, keyId } = harness.org;
    const balance = await orgBalanceNanos(harness.db, orgId);
    expect((await chat()).status).toBe(429);
    await eventually(async () =>
      (await harness.gateway.deps.holds.spendable(orgId, keyId, null)).nanos === balance ? true : undefined,
    );
    expect(await orgBalanceNanos(harness.db, orgId)).toBe(balance);
  });
});
