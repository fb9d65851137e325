import { ledgerEntries, ledgerTransfers, payments } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { orgBalanceNanos, orgCreditAccountId, reconcileLedger } from "@switchyard/ledger";
import { QUEUE_NAMES } from "@switchyard/queue";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, internalHeaders, startHarness, WEBHOOK_SECRET, waitFor } from "../support/harness.ts";
import type { StripeEvent } from "../support/stripe-fake.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.startWorkers({ only: ["stripeEvents"] });
});
afterAll(() => h.close());

function deliver(event: StripeEvent, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const signature = h.stripe!.webhooks.generateTestHeaderString({ payload, secret });
  return h.app.request("/stripe/webhook", {
    method: "POST",
    headers: { "stripe-signature": signature, "content-type": "application/json" },
    body: payload,
  });
}

async function checkout(orgId: string, amountCents: number) {
  const res = await h.app.request("/internal/checkout", {
    method: "POST",
    headers: internalHeaders(),
    body: JSON.stringify({
      orgId,
      amountCents,
      successUrl: "https://app.test/ok",
      cancelUrl: "https://app.test/cancel",
    }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { url: string; sessionId: string; feeCents: number; totalCents: number };
}

describe("Stripe webhooks", () => {
  it("creates a checkout session with credits + fee lines, saved-card intent and a pending payment", async () => {
    const org = await createTestOrg(h.handle.db);
    const session = await checkout(org.orgId, 2_000);
    expect(session).toMatchObject({ feeCents: 110, totalCents: 2_110 });
    const stored = h.fake!.sessions.get(session.sessionId);
    expect(stored).toMatchObject({
      mode: "payment",
      amount_total: 2_110,
      client_reference_id: org.orgId,
      metadata: { orgId: org.orgId, creditCents: "2000", feeCents: "110" },
      payment_intent_data: { setup_future_usage: "off_session" },
    });
    const [payment] = await h.handle.db
      .select()
      .from(payments)
      .where(eq(payments.stripeCheckoutSessionId, session.sessionId));
    expect(payment).toMatchObject({ status: "pending", amountCents: 2_110, creditNanos: 20_000_000_000n });
    // The customer is reused for the org's next checkout.
    const again = await checkout(org.orgId, 500);
    expect(h.fake!.sessions.get(again.sessionId)?.customer).toBe(stored?.customer);
  });

  it("credits exactly once and claws back exactly once under duplicate, concurrent, out-of-order delivery", async () => {
    const org = await createTestOrg(h.handle.db);
    const session = await checkout(org.orgId, 2_000);
    const completed = h.fake!.completeSession(session.sessionId);
    const paymentIntent = String(h.fake!.sessions.get(session.sessionId)?.payment_intent);
    const refunded = h.fake!.refund(paymentIntent, 1_055); // half of the 21.10 charged

    // The refund arrives first, then five copies of the completion interleaved with a second refund copy.
    const first = await deliver(refunded);
    expect(first.status).toBe(200);
    const responses = await Promise.all([
      deliver(completed),
      deliver(completed),
      deliver(refunded),
      deliver(completed),
      deliver(completed),
      deliver(completed),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);

    const account = await orgCreditAccountId(h.handle.db, org.orgId);
    const kinds = async () =>
      (
        await h.handle.db
          .select({ kind: ledgerTransfers.kind })
          .from(ledgerTransfers)
          .where(eq(ledgerTransfers.orgId, org.orgId))
      )
        .map((t) => t.kind)
        .sort();
    await waitFor(async () => (await kinds()).length === 2);
    const queue = h.queue(QUEUE_NAMES.stripeEvents);
    await waitFor(async () => (await queue.getJobCounts("active", "waiting", "delayed")).active === 0);

    expect(await kinds()).toEqual(["purchase", "refund"]);
    expect(await orgBalanceNanos(h.handle.db, org.orgId)).toBe(10_000_000_000n);
    const entries = await h.handle.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.accountId, account));
    expect(entries.map((e) => e.amountNanos).sort()).toEqual([-10_000_000_000n, 20_000_000_000n].sort());
    const [payment] = await h.handle.db
      .select()
      .from(payments)
      .where(eq(payments.stripeCheckoutSessionId, session.sessionId));
    expect(payment?.status).toBe("partially_refunded");
    expect((await reconcileLedger(h.handle.db, { orgIds: [org.orgId] })).ok).toBe(true);
  });

  it("claws back a dispute once per dispute id", async () => {
    const org = await createTestOrg(h.handle.db);
    const session = await checkout(org.orgId, 1_000);
    const completed = h.fake!.completeSession(session.sessionId);
    const pi = String(h.fake!.sessions.get(session.sessionId)?.payment_intent);
    const disputed = h.fake!.dispute(pi, 1_080); // the whole 10.80 charged
    await Promise.all([deliver(completed), deliver(disputed), deliver(disputed)]);
    await waitFor(async () => {
      const rows = await h.handle.db
        .select()
        .from(ledgerTransfers)
        .where(and(eq(ledgerTransfers.orgId, org.orgId), eq(ledgerTransfers.kind, "dispute")));
      return rows.length === 1;
    });
    expect(await orgBalanceNanos(h.handle.db, org.orgId)).toBe(0n);
  });

  it("rejects a bad signature with 400 and changes nothing", async () => {
    const org = await createTestOrg(h.handle.db);
    const session = await checkout(org.orgId, 2_000);
    const completed = h.fake!.completeSession(session.sessionId);
    const res = await deliver(completed, "whsec_wrong");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        message: "Webhook signature verification failed",
        type: "invalid_request_error",
        code: "invalid_signature",
      },
    });
    expect(await h.queue(QUEUE_NAMES.stripeEvents).getJob(completed.id)).toBeUndefined();
    expect(await orgBalanceNanos(h.handle.db, org.orgId)).toBe(0n);
  });
});
