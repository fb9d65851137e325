import { NANOS_PER_CENT } from "@switchyard/config";
import { newId, payments, stripeCustomers } from "@switchyard/db";
import { creditPurchase } from "@switchyard/ledger";
import { UnrecoverableError } from "bullmq";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { EventContext } from "../deps.ts";
import type { checkoutSessionSchema } from "./schemas.ts";

type Session = z.infer<typeof checkoutSessionSchema>;

/** Credits the org for a paid Checkout Session, once (idempotency key `checkout:<session id>`). */
export async function applyCheckoutCompleted(ctx: EventContext, session: Session): Promise<void> {
  if (session.payment_status !== "paid") {
    ctx.logger.info(
      { sessionId: session.id },
      "checkout completed but not paid yet; waiting for async payment",
    );
    return;
  }
  const metadata = session.metadata ?? {};
  const orgId = metadata.orgId ?? session.client_reference_id ?? null;
  const creditCents = Number(metadata.creditCents);
  const feeCents = Number(metadata.feeCents ?? "0");
  if (!orgId || !Number.isSafeInteger(creditCents) || creditCents <= 0 || !Number.isSafeInteger(feeCents)) {
    throw new UnrecoverableError(`checkout session ${session.id} lacks orgId/creditCents metadata`);
  }
  const paymentIntentId = session.payment_intent ?? null;
  // Card and charge for auto top-up and refunds; read before the transaction (network call).
  let paymentMethodId: string | null = null;
  let chargeId: string | null = null;
  if (paymentIntentId && ctx.stripe) {
    const intent = await ctx.stripe.paymentIntents.retrieve(paymentIntentId);
    paymentMethodId =
      typeof intent.payment_method === "string" ? intent.payment_method : (intent.payment_method?.id ?? null);
    chargeId =
      typeof intent.latest_charge === "string" ? intent.latest_charge : (intent.latest_charge?.id ?? null);
  }

  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(payments)
      .values({
        id: newId("pay"),
        orgId,
        kind: "checkout",
        amountCents: creditCents + feeCents,
        creditNanos: BigInt(creditCents) * NANOS_PER_CENT,
        feeNanos: BigInt(feeCents) * NANOS_PER_CENT,
        stripeCheckoutSessionId: session.id,
      })
      .onConflictDoNothing({ target: payments.stripeCheckoutSessionId });
    const [payment] = await tx
      .select()
      .from(payments)
      .where(eq(payments.stripeCheckoutSessionId, session.id))
      .for("update");
    if (!payment) throw new Error(`payment row for ${session.id} vanished`);
    if (payment.orgId !== orgId) throw new UnrecoverableError(`session ${session.id} belongs to another org`);
    await creditPurchase(tx, {
      orgId,
      paymentId: payment.id,
      idempotencyKey: `checkout:${session.id}`,
      creditNanos: payment.creditNanos,
      feeNanos: payment.feeNanos,
      kind: "purchase",
    });
    await tx
      .update(payments)
      .set({
        status: sql`case when ${payments.status} in ('pending', 'failed') then 'succeeded'::payment_status else ${payments.status} end`,
        stripePaymentIntentId: paymentIntentId ?? payment.stripePaymentIntentId,
        stripeChargeId: chargeId ?? payment.stripeChargeId,
        updatedAt: new Date(),
      })
      .where(eq(payments.id, payment.id));
    if (session.customer) {
      await tx
        .insert(stripeCustomers)
        .values({ orgId, customerId: session.customer, defaultPaymentMethodId: paymentMethodId })
        .onConflictDoUpdate({
          target: stripeCustomers.orgId,
          set: {
            customerId: session.customer,
            defaultPaymentMethodId: sql`coalesce(${paymentMethodId}, ${stripeCustomers.defaultPaymentMethodId})`,
          },
        });
    }
  });
  await ctx.holds.refresh?.(orgId);
}
