import { payments } from "@switchyard/db";
import { creditPurchase } from "@switchyard/ledger";
import { and, eq } from "drizzle-orm";
import type { BillingDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";

/** Pays a dev session: the same ledger path as a real purchase (creditPurchase), idempotent. */
export async function payDevCheckout(
  deps: Pick<BillingDeps, "db" | "holds">,
  sessionId: string,
): Promise<{ orgId: string }> {
  const orgId = await deps.db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.stripeCheckoutSessionId, sessionId), eq(payments.kind, "dev")))
      .for("update");
    if (!payment) throw new ApiError("checkout_not_found", "No such development checkout", 404);
    await creditPurchase(tx, {
      orgId: payment.orgId,
      paymentId: payment.id,
      idempotencyKey: `dev:${sessionId}`,
      creditNanos: payment.creditNanos,
      feeNanos: payment.feeNanos,
      kind: "purchase",
      description: "Credit purchase (development payment)",
    });
    await tx
      .update(payments)
      .set({ status: "succeeded", updatedAt: new Date() })
      .where(eq(payments.id, payment.id));
    return payment.orgId;
  });
  await deps.holds.refresh?.(orgId);
  return { orgId };
}
