import { apiKeys } from "@switchyard/db";
import { orgBalanceNanos } from "@switchyard/ledger";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type GatewayHarness, startGatewayHarness } from "../support/harness.ts";

let harness: GatewayHarness;

beforeAll(async () => {
  // $0.001: gpt-4o output costs 10,000 nanos per token, so this buys under 100 output tokens.
  harness = await startGatewayHarness({ credit: 1_000_000n });
});
afterAll(() => harness.close());

function chat(payload: Record<string, unknown>, key = harness.org.apiKey) {
  return fetch(`${harness.apiUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({
      model: "openai/gpt-4o",
      messages: [{ role: "user", content: "Tell me everything." }],
      ...payload,
    }),
  });
}

describe("credit holds on the hot path", () => {
  it("refuses with 402 when the hold exceeds the balance, saying what max_tokens is affordable", async () => {
    const response = await chat({ max_tokens: 5000 });
    expect(response.status).toBe(402);
    const body = (await response.json()) as {
      error: { message: string; metadata: { can_afford_max_tokens: number } };
    };
    expect(body.error.message).toMatch(/can only afford \d+/);
    expect(body.error.metadata.can_afford_max_tokens).toBeGreaterThan(0);
    expect(body.error.metadata.can_afford_max_tokens).toBeLessThan(100);
  });

  it("caps the output at what the balance affords when max_tokens is omitted, never overspending", async () => {
    const before = await orgBalanceNanos(harness.db, harness.org.orgId);
    const response = await chat({});
    expect(response.status).toBe(200);
    const completion = (await response.json()) as { usage: { completion_tokens: number; cost: number } };
    expect(completion.usage.completion_tokens).toBeLessThan(100);
    const after = await eventually(async () => {
      const balance = await orgBalanceNanos(harness.db, harness.org.orgId);
      return balance < before ? balance : undefined;
    });
    expect(after).toBeGreaterThanOrEqual(0n);
  });

  it("refuses once not even a minimal answer is affordable", async () => {
    for (let i = 0; i < 20; i++) {
      const response = await chat({});
      if (response.status === 402) {
        const body = (await response.json()) as { error: { code: string } };
        expect(body.error.code).toBe("insufficient_credits");
        expect(await orgBalanceNanos(harness.db, harness.org.orgId)).toBeGreaterThanOrEqual(0n);
        return;
      }
      expect(response.status).toBe(200);
    }
    throw new Error("the balance never ran out");
  });

  it("enforces the key's own credit limit", async () => {
    await harness.fund(10_000_000_000n);
    await harness.db
      .update(apiKeys)
      .set({ creditLimitNanos: 1_000n })
      .where(eq(apiKeys.id, harness.org.keyId));
    harness.gateway.deps.keys.invalidateAll();
    const response = await chat({ max_tokens: 100 });
    expect(response.status).toBe(402);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("key_limit_exceeded");
    await harness.db.update(apiKeys).set({ creditLimitNanos: null }).where(eq(apiKeys.id, harness.org.keyId));
    harness.gateway.deps.keys.invalidateAll();
  });

  it("holds a request without max_tokens at each endpoint's full room, without a balance lookup, when credit covers it", async () => {
    const holds = harness.gateway.deps.holds;
    const spendable = holds.spendable.bind(holds);
    let lookups = 0;
    holds.spendable = (...args) => {
      lookups += 1;
      return spendable(...args);
    };
    try {
      const response = await chat({});
      expect(response.status).toBe(200);
      expect(lookups).toBe(0);
    } finally {
      holds.spendable = spendable;
    }
  });

  it("holds from a lease, and settlement takes each cost off it to the nano", async () => {
    const { orgId, keyId } = harness.org;
    for (let i = 0; i < 10; i++) expect((await chat({ max_tokens: 20 })).status).toBe(200);
    // Spendable = Redis's balance - its holds (the lease) + the lease's uncommitted rest. Once every
    // cost is settled and off the lease, that is the Postgres balance exactly.
    await eventually(async () => {
      const balance = await orgBalanceNanos(harness.db, orgId);
      const spendable = await harness.gateway.deps.holds.spendable(orgId, keyId, null);
      return spendable.nanos === balance ? true : undefined;
    });
  });
});
