import { payments } from "@switchyard/db";
import { clawBackPurchase, clawedBackNanos, proRataNanos, type Transaction } from "@switchyard/ledger";
import { eq, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { EventContext } from "../deps.ts";
import { PurchaseNotRecordedYet } from "./errors.ts";
import type { chargeSchema, disputeSchema } from "./schemas.ts";

type Charge = z.infer<typeof chargeSchema>;
type Dispute = z.infer<typeof disputeSchema>;

async function lockPayment(tx: Transaction, refs: { paymentIntentId: string | null; chargeId: string }) {
  const match = refs.paymentIntentId
    ? or(eq(payments.stripePaymentIntentId, refs.paymentIntentId), eq(payments.stripeChargeId, refs.chargeId))
    : eq(payments.stripeChargeId, refs.chargeId);
  const [payment] = await tx.select().from(payments).where(match).for("update");
  if (!payment || payment.status === "pending") {
    // Refund/dispute overtook the purchase: a plain error makes BullMQ retry until it is recorded.
    throw new PurchaseNotRecordedYet(`no credited payment for charge ${refs.chargeId} yet`);
  }
  return payment;
}

/**
 * `charge.refunded` carries the cumulative refunded amount: claw back the pro-rata credits for it
 * minus what earlier refunds already took (payment row locked, so concurrent events serialise).
 */
export async function applyChargeRefunded(ctx: EventContext, charge: Charge): Promise<void> {
  const orgId = await ctx.db.transaction(async (tx) => {
    const payment = await lockPayment(tx, {
      paymentIntentId: charge.payment_intent ?? null,
      chargeId: charge.id,
    });
    const target = proRataNanos(payment.creditNanos, charge.amount_refunded, payment.amountCents);
    const already = await clawedBackNanos(tx, payment.orgId, payment.id, ["refund"]);
    if (target > already) {
      await clawBackPurchase(tx, {
        orgId: payment.orgId,
        paymentId: payment.id,
        idempotencyKey: `refund:${charge.id}:${charge.amount_refunded}`,
        kind: "refund",
        amountNanos: target - already,
        creditNanos: payment.creditNanos,
      });
    }
    const fully = charge.amount_refunded >= payment.amountCents;
    await tx
      .update(payments)
      .set({
        status: sql`case when ${payments.status} = 'disputed' then ${payments.status} else ${fully ? "refunded" : "partially_refunded"}::payment_status end`,
        stripeChargeId: charge.id,
        updatedAt: new Date(),
      })
      .where(eq(payments.id, payment.id));
    return payment.orgId;
  });
  await ctx.holds.refresh?.(orgId);
}

/** `charge.dispute.created`: claw back the disputed amount's credits once per dispute id. */
export async function applyDisputeCreated(ctx: EventContext, dispute: Dispute): Promise<void> {
  const orgId = await ctx.db.transaction(async (tx) => {
    const payment = await lockPayment(tx, {
      paymentIntentId: dispute.payment_intent ?? null,
      chargeId: dispute.charge,
    });
    await clawBackPurchase(tx, {
      orgId: payment.orgId,
      paymentId: payment.id,
      idempotencyKey: `dispute:${dispute.id}`,
      kind: "dispute",
      amountNanos: proRataNanos(payment.creditNanos, dispute.amount, payment.amountCents),
      creditNanos: payment.creditNanos,
    });
    await tx
      .update(payments)
      .set({ status: "disputed", updatedAt: new Date() })
      .where(eq(payments.id, payment.id));
    return payment.orgId;
  });
  await ctx.holds.refresh?.(orgId);
}
