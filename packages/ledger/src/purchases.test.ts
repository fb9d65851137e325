import { newId } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../test/support.ts";
import { orgBalanceNanos } from "./balances.ts";
import { clawBackPurchase, creditPurchase, proRataNanos } from "./purchases.ts";
import { reconcileLedger } from "./reconcile.ts";

const handle = testDb(4);
afterAll(() => handle.close());

describe("purchases", () => {
  it("credits once per idempotency key and books the fee", async () => {
    const org = await createTestOrg(handle.db);
    const input = {
      orgId: org.orgId,
      paymentId: newId("pay"),
      idempotencyKey: `test:${newId("txn")}`,
      creditNanos: 10_000_000_000n,
      feeNanos: 800_000_000n,
      kind: "purchase" as const,
    };
    const first = await handle.db.transaction((tx) => creditPurchase(tx, input));
    const again = await handle.db.transaction((tx) => creditPurchase(tx, input));
    expect(first.applied).toBe(true);
    expect(again).toEqual({ applied: false, transferId: first.transferId });
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(10_000_000_000n);
  });

  it("claws back pro-rata, once per key, never more than was credited, and may go negative", async () => {
    const org = await createTestOrg(handle.db);
    const paymentId = newId("pay");
    const creditNanos = 10_000_000_000n;
    await handle.db.transaction((tx) =>
      creditPurchase(tx, {
        orgId: org.orgId,
        paymentId,
        idempotencyKey: `p:${paymentId}`,
        creditNanos,
        feeNanos: 0n,
        kind: "purchase",
      }),
    );
    const partial = proRataNanos(creditNanos, 250, 1_000);
    expect(partial).toBe(2_500_000_000n);
    const claw = (key: string, amountNanos: bigint, kind: "refund" | "dispute" = "refund") =>
      handle.db.transaction((tx) =>
        clawBackPurchase(tx, {
          orgId: org.orgId,
          paymentId,
          idempotencyKey: `${paymentId}:${key}`,
          kind,
          amountNanos,
          creditNanos,
        }),
      );
    expect((await claw("re_1", partial)).clawedBackNanos).toBe(partial);
    expect((await claw("re_1", partial)).applied).toBe(false);
    // A dispute for the full amount takes only what is left.
    expect((await claw("dp_1", creditNanos, "dispute")).clawedBackNanos).toBe(creditNanos - partial);
    expect((await claw("re_2", partial)).clawedBackNanos).toBe(0n);
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(0n);
    expect((await reconcileLedger(handle.db, { orgIds: [org.orgId] })).ok).toBe(true);
  });

  it("rounds pro-rata credits down to the nano", () => {
    expect(proRataNanos(1_000n, 1, 3)).toBe(333n);
    expect(proRataNanos(1_000n, 5, 3)).toBe(1_000n);
  });
});
