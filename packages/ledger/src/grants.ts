import type { Database } from "@switchyard/db";
import { orgCreditAccountId, platformAccountId } from "./accounts.ts";
import { postTransfer, type TransferResult } from "./transfers.ts";

/** Promotional credit (demo credit, support goodwill): promotions account -> org credits. */
export async function grantPromotionalCredit(
  db: Database,
  input: { orgId: string; amountNanos: bigint; idempotencyKey: string; description: string },
): Promise<TransferResult> {
  return db.transaction(async (tx) => {
    const [orgAccount, promotions] = await Promise.all([
      orgCreditAccountId(tx, input.orgId),
      platformAccountId(tx, "promotions"),
    ]);
    return postTransfer(tx, {
      idempotencyKey: input.idempotencyKey,
      kind: "promotion",
      orgId: input.orgId,
      description: input.description,
      entries: [
        { accountId: orgAccount, amountNanos: input.amountNanos },
        { accountId: promotions, amountNanos: -input.amountNanos },
      ],
    });
  });
}
