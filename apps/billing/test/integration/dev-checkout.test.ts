import { payments } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { orgBalanceNanos } from "@switchyard/ledger";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, internalHeaders, startHarness } from "../support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ stripe: false, holds: "redis" });
});
afterAll(() => h.close());

describe("development checkout (no STRIPE_SECRET_KEY)", () => {
  it("shows a clearly labelled page whose Pay button credits instantly, once", async () => {
    const org = await createTestOrg(h.handle.db);
    expect((await h.holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(0n);
    const res = await h.app.request("/internal/checkout", {
      method: "POST",
      headers: internalHeaders(),
      body: JSON.stringify({
        orgId: org.orgId,
        amountCents: 1_000,
        successUrl: "https://app.test/ok",
        cancelUrl: "https://app.test/no",
      }),
    });
    expect(res.status).toBe(200);
    const session = (await res.json()) as {
      url: string;
      sessionId: string;
      feeCents: number;
      totalCents: number;
    };
    expect(session).toMatchObject({ feeCents: 80, totalCents: 1_080 });
    const path = new URL(session.url).pathname;
    const page = await h.app.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("DEVELOPMENT PAYMENT PAGE — no real money");

    const pay = await h.app.request(`${path}/pay`, { method: "POST" });
    expect(pay.status).toBe(303);
    expect(pay.headers.get("location")).toBe("https://app.test/ok");
    await h.app.request(`${path}/pay`, { method: "POST" });
    expect(await orgBalanceNanos(h.handle.db, org.orgId)).toBe(10_000_000_000n);
    // The holds cache sees the purchase immediately.
    expect((await h.holds.spendable(org.orgId, org.keyId, null)).nanos).toBe(10_000_000_000n);
    const [payment] = await h.handle.db
      .select()
      .from(payments)
      .where(eq(payments.stripeCheckoutSessionId, session.sessionId));
    expect(payment).toMatchObject({ kind: "dev", status: "succeeded", feeNanos: 800_000_000n });

    const list = await h.app.request(`/internal/orgs/${org.orgId}/transactions`, {
      headers: internalHeaders(),
    });
    expect(await list.json()).toMatchObject({
      items: [{ kind: "purchase", amountNanos: "10000000000", count: 1 }],
      nextCursor: null,
    });
  });

  it("requires the internal token and validates input with the JSON error shape", async () => {
    const unauth = await h.app.request("/internal/fees?amountCents=1000");
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toMatchObject({
      error: { code: "unauthorized", type: "authentication_error" },
    });
    const small = await h.app.request("/internal/fees?amountCents=100", { headers: internalHeaders() });
    expect(small.status).toBe(400);
    expect(await small.json()).toMatchObject({ error: { code: "invalid_request" } });
    const quote = await h.app.request("/internal/fees?amountCents=10000", { headers: internalHeaders() });
    expect(await quote.json()).toMatchObject({
      creditCents: 10_000,
      feeCents: 550,
      totalCents: 10_550,
      feePercent: 5.5,
    });
    expect((await h.app.request("/dev/checkout/dev_cs_missing")).status).toBe(404);
    expect((await h.app.request("/health")).status).toBe(200);
  });
});
