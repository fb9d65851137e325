import { listTransactions } from "@switchyard/ledger";
import { Hono } from "hono";
import { z } from "zod";
import type { BillingDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { parseInput } from "./validate.ts";

const query = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});

export function transactionsRoute(deps: BillingDeps) {
  return new Hono().get("/internal/orgs/:orgId/transactions", async (c) => {
    const { limit, cursor } = parseInput(query, c.req.query());
    const page = await listTransactions(deps.db, c.req.param("orgId"), {
      limit,
      cursor: cursor ?? null,
    }).catch((error: unknown) => {
      if (error instanceof RangeError) throw new ApiError("invalid_cursor", "Invalid cursor", 400);
      throw error;
    });
    return c.json({
      items: page.items.map((item) => ({
        id: item.id,
        kind: item.kind,
        description: item.description,
        amountNanos: item.amountNanos.toString(),
        occurredAt: item.occurredAt.toISOString(),
        count: item.count,
      })),
      nextCursor: page.nextCursor,
    });
  });
}
