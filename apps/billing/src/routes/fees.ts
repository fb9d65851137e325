import { Hono } from "hono";
import { z } from "zod";
import type { BillingDeps } from "../deps.ts";
import { MAX_PURCHASE_CENTS, MIN_PURCHASE_CENTS, quoteFee } from "../fees.ts";
import { parseInput } from "./validate.ts";

const query = z.object({
  amountCents: z.coerce.number().int().min(MIN_PURCHASE_CENTS).max(MAX_PURCHASE_CENTS),
});

export function feesRoute(deps: BillingDeps) {
  return new Hono().get("/internal/fees", (c) => {
    const { amountCents } = parseInput(query, c.req.query());
    const quote = quoteFee(amountCents, deps.fees);
    return c.json({
      creditCents: quote.creditCents,
      feeCents: quote.feeCents,
      totalCents: quote.totalCents,
      feePercent: deps.fees.percentBps / 100,
      feeMinCents: deps.fees.minCents,
    });
  });
}
