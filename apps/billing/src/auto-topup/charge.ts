import { createHash } from "node:crypto";
import { autoTopupSettings, payments, stripeCustomers } from "@switchyard/db";
import { creditPurchase, orgBalanceNanos } from "@switchyard/ledger";
import type { AutoTopupJob } from "@switchyard/queue";
import { eq } from "drizzle-orm";
import type { EventContext } from "../deps.ts";
import { type FeeSchedule, quoteFee } from "../fees.ts";

export type TopupOutcome = "charged" | "skipped" | "declined";

/** A permanent card failure (declined, authentication required): recorded, not retried. */
function cardFailure(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as { type?: string; message?: string; code?: string };
  if (e.type === "StripeCardError" || e.type === "StripeInvalidRequestError") {
    return e.message ?? e.code ?? "card declined";
  }
  return null;
}

/**
 * Charges the org's saved card off-session for its top-up amount plus fee and credits on success.
 * The payment id (and so the Stripe idempotency key) derives from the job id, so a retried job
 * never charges twice. A decline records `last_error` and a failed payment row.
 */
export async function runAutoTopup(
  ctx: EventContext & { fees: FeeSchedule },
  job: AutoTopupJob,
  jobId: string,
): Promise<TopupOutcome> {
  const { db, stripe } = ctx;
  const [settings] = await db.select().from(autoTopupSettings).where(eq(autoTopupSettings.orgId, job.orgId));
  if (!settings?.enabled || stripe === null) return "skipped";
  const recordError = (message: string | null) =>
    db
      .update(autoTopupSettings)
      .set({ lastError: message, lastAttemptAt: new Date() })
      .where(eq(autoTopupSettings.orgId, job.orgId));
  if (job.reason === "threshold" && (await orgBalanceNanos(db, job.orgId)) >= settings.thresholdNanos)
    return "skipped";
  const [customer] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.orgId, job.orgId));
  if (!customer?.defaultPaymentMethodId) {
    await recordError("No saved card: buy credits once through checkout to enable auto top-up");
    return "skipped";
  }
  const quote = quoteFee(settings.amountCents, ctx.fees);
  const paymentId = `pay_${createHash("sha256").update(jobId).digest("base64url").slice(0, 22)}`;
  await db
    .insert(payments)
    .values({
      id: paymentId,
      orgId: job.orgId,
      kind: "auto_topup",
      amountCents: quote.totalCents,
      creditNanos: quote.creditNanos,
      feeNanos: quote.feeNanos,
    })
    .onConflictDoNothing();

  let intent: Awaited<ReturnType<typeof stripe.paymentIntents.create>>;
  try {
    intent = await stripe.paymentIntents.create(
      {
        amount: quote.totalCents,
        currency: "usd",
        customer: customer.customerId,
        payment_method: customer.defaultPaymentMethodId,
        off_session: true,
        confirm: true,
        metadata: {
          orgId: job.orgId,
          paymentId,
          creditCents: String(quote.creditCents),
          feeCents: String(quote.feeCents),
        },
      },
      { idempotencyKey: `auto-topup:${paymentId}` },
    );
  } catch (error) {
    const message = cardFailure(error);
    if (message === null) throw error;
    await db
      .update(payments)
      .set({ status: "failed", failureMessage: message, updatedAt: new Date() })
      .where(eq(payments.id, paymentId));
    await recordError(message);
    ctx.logger.warn({ orgId: job.orgId, paymentId }, "auto top-up declined");
    return "declined";
  }
  if (intent.status !== "succeeded") {
    const message = `Payment ${intent.status}`;
    await db
      .update(payments)
      .set({
        status: "failed",
        failureMessage: message,
        stripePaymentIntentId: intent.id,
        updatedAt: new Date(),
      })
      .where(eq(payments.id, paymentId));
    await recordError(message);
    return "declined";
  }
  const chargeId =
    typeof intent.latest_charge === "string" ? intent.latest_charge : (intent.latest_charge?.id ?? null);
  await db.transaction(async (tx) => {
    await creditPurchase(tx, {
      orgId: job.orgId,
      paymentId,
      idempotencyKey: `auto_topup:${intent.id}`,
      creditNanos: quote.creditNanos,
      feeNanos: quote.feeNanos,
      kind: "auto_topup",
    });
    await tx
      .update(payments)
      .set({
        status: "succeeded",
        stripePaymentIntentId: intent.id,
        stripeChargeId: chargeId,
        updatedAt: new Date(),
      })
      .where(eq(payments.id, paymentId));
    await tx
      .update(autoTopupSettings)
      .set({ lastError: null, lastAttemptAt: new Date() })
      .where(eq(autoTopupSettings.orgId, job.orgId));
  });
  await ctx.holds.refresh?.(job.orgId);
  return "charged";
}
