import { newId } from "@switchyard/db";
import { createTestOrg } from "@switchyard/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { fund, testDb, usageJob } from "../test/support.ts";
import { creditPurchase } from "./purchases.ts";
import { settleUsageBatch } from "./settlement/settle-usage.ts";
import { listTransactions } from "./transactions.ts";

const handle = testDb(4);
afterAll(() => handle.close());

describe("listTransactions", () => {
  it("lists purchases one by one and usage per UTC day, newest first, with cursors", async () => {
    const org = await createTestOrg(handle.db);
    await fund(handle, org.orgId, 1_000_000n);
    await handle.db.transaction((tx) =>
      creditPurchase(tx, {
        orgId: org.orgId,
        paymentId: newId("pay"),
        idempotencyKey: `p:${newId("txn")}`,
        creditNanos: 5_000_000_000n,
        feeNanos: 0n,
        kind: "purchase",
      }),
    );
    await settleUsageBatch(handle.db, [
      usageJob(org.orgId, org.keyId, 100n, { createdAt: "2025-01-01T01:00:00.000Z" }),
      usageJob(org.orgId, org.keyId, 200n, { createdAt: "2025-01-01T23:59:59.000Z" }),
      usageJob(org.orgId, org.keyId, 400n, { createdAt: "2025-01-02T00:00:01.000Z" }),
    ]);
    const all = await listTransactions(handle.db, org.orgId, { limit: 10 });
    expect(all.items.map((i) => [i.kind, i.amountNanos, i.count])).toEqual([
      ["purchase", 5_000_000_000n, 1],
      ["promotion", 1_000_000n, 1],
      ["usage", -400n, 1],
      ["usage", -300n, 2],
    ]);
    expect(all.items[3]?.id).toBe("usage:2025-01-01");
    expect(all.nextCursor).toBeNull();

    const first = await listTransactions(handle.db, org.orgId, { limit: 3 });
    const rest = await listTransactions(handle.db, org.orgId, { limit: 3, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((i) => i.id)).toEqual(all.items.map((i) => i.id));
  });
});
