import { payments, stripeCustomers } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { BullMqUsageSink, orgBalanceNanos } from "@switchyard/ledger";
import { usageJob } from "@switchyard/ledger/testing";
import { QUEUE_NAMES } from "@switchyard/queue";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAutoTopup } from "../../src/auto-topup/charge.ts";
import { type Harness, internalHeaders, startHarness, waitFor } from "../support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ holds: "redis", inlineEvents: true });
  await h.startWorkers({ only: ["usage", "autoTopup"] });
});
afterAll(() => h.close());

/** Buys $20 through Checkout (fake Stripe) so the org has a customer and a saved card. */
async function orgWithSavedCard() {
  const org = await createTestOrg(h.handle.db);
  const res = await h.app.request("/internal/checkout", {
    method: "POST",
    headers: internalHeaders(),
    body: JSON.stringify({
      orgId: org.orgId,
      amountCents: 2_000,
      successUrl: "https://a.test/ok",
      cancelUrl: "https://a.test/no",
    }),
  });
  const { sessionId } = (await res.json()) as { sessionId: string };
  const event = h.fake!.completeSession(sessionId);
  const payload = JSON.stringify(event);
  const signature = h.stripe!.webhooks.generateTestHeaderString({ payload, secret: "whsec_test_switchyard" });
  const hook = await h.app.request("/stripe/webhook", {
    method: "POST",
    headers: { "stripe-signature": signature },
    body: payload,
  });
  expect(hook.status).toBe(200);
  const [customer] = await h.handle.db
    .select()
    .from(stripeCustomers)
    .where(eq(stripeCustomers.orgId, org.orgId));
  expect(customer?.defaultPaymentMethodId).toMatch(/^pm_/);
  return { ...org, paymentMethodId: customer?.defaultPaymentMethodId ?? "" };
}

async function enableTopup(orgId: string) {
  const res = await h.app.request(`/internal/orgs/${orgId}/auto-topup`, {
    method: "PUT",
    headers: internalHeaders(),
    body: JSON.stringify({ enabled: true, thresholdCents: 1_000, amountCents: 2_500 }),
  });
  expect(res.status).toBe(200);
}

describe("auto top-up", () => {
  it("charges the saved card off-session when usage drops the balance under the threshold", async () => {
    const org = await orgWithSavedCard();
    await enableTopup(org.orgId);
    expect(await orgBalanceNanos(h.handle.db, org.orgId)).toBe(20_000_000_000n);
    const sink = new BullMqUsageSink(h.queue(QUEUE_NAMES.usage));
    await sink.submit(usageJob(org.orgId, org.keyId, 15_000_000_000n)); // $15 of usage -> $5 left
    await waitFor(async () => (await orgBalanceNanos(h.handle.db, org.orgId)) === 30_000_000_000n);
    const [topup] = await h.handle.db
      .select()
      .from(payments)
      .where(and(eq(payments.orgId, org.orgId), eq(payments.kind, "auto_topup")));
    expect(topup).toMatchObject({ status: "succeeded", amountCents: 2_638, creditNanos: 25_000_000_000n });
    const intent = h.fake!.paymentIntents.get(topup?.stripePaymentIntentId ?? "");
    expect(intent).toMatchObject({ status: "succeeded", payment_method: org.paymentMethodId, amount: 2_638 });
    const settings = await h.app.request(`/internal/orgs/${org.orgId}/auto-topup`, {
      headers: internalHeaders(),
    });
    expect(await settings.json()).toMatchObject({
      enabled: true,
      thresholdCents: 1_000,
      amountCents: 2_500,
      lastError: null,
    });
  });

  it("records the decline as last_error and a failed payment, crediting nothing", async () => {
    const org = await orgWithSavedCard();
    await enableTopup(org.orgId);
    h.fake!.declinePaymentMethod(org.paymentMethodId);
    const outcome = await runAutoTopup(
      { ...h.deps, fees: h.deps.fees },
      { orgId: org.orgId, reason: "manual" },
      `topup:${org.orgId}:1`,
    );
    expect(outcome).toBe("declined");
    expect(await orgBalanceNanos(h.handle.db, org.orgId)).toBe(20_000_000_000n);
    const [failed] = await h.handle.db
      .select()
      .from(payments)
      .where(and(eq(payments.orgId, org.orgId), eq(payments.kind, "auto_topup")));
    expect(failed).toMatchObject({ status: "failed", failureMessage: "Your card was declined." });
    const settings = await h.app.request(`/internal/orgs/${org.orgId}/auto-topup`, {
      headers: internalHeaders(),
    });
    expect(await settings.json()).toMatchObject({ lastError: "Your card was declined." });
  });
});
