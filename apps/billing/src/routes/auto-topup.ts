import { Hono } from "hono";
import { z } from "zod";
import { readAutoTopup, writeAutoTopup } from "../auto-topup/settings.ts";
import type { BillingDeps } from "../deps.ts";
import { MAX_PURCHASE_CENTS, MIN_PURCHASE_CENTS } from "../fees.ts";
import { jsonBody, parseInput } from "./validate.ts";

const body = z.object({
  enabled: z.boolean(),
  thresholdCents: z.number().int().min(0).max(MAX_PURCHASE_CENTS),
  amountCents: z.number().int().min(MIN_PURCHASE_CENTS).max(MAX_PURCHASE_CENTS),
});

export function autoTopupRoute(deps: BillingDeps) {
  return new Hono()
    .get("/internal/orgs/:orgId/auto-topup", async (c) =>
      c.json(await readAutoTopup(deps.db, c.req.param("orgId"))),
    )
    .put("/internal/orgs/:orgId/auto-topup", async (c) => {
      const input = parseInput(body, await jsonBody(c.req));
      await writeAutoTopup(deps.db, c.req.param("orgId"), input);
      return c.json(await readAutoTopup(deps.db, c.req.param("orgId")));
    });
}
