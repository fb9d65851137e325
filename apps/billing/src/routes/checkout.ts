import { Hono } from "hono";
import { z } from "zod";
import { createCheckout } from "../checkout/create-checkout.ts";
import type { BillingDeps } from "../deps.ts";
import { MAX_PURCHASE_CENTS, MIN_PURCHASE_CENTS } from "../fees.ts";
import { jsonBody, parseInput } from "./validate.ts";

const checkoutBody = z.object({
  orgId: z.string().startsWith("org_"),
  amountCents: z.number().int().min(MIN_PURCHASE_CENTS).max(MAX_PURCHASE_CENTS),
  successUrl: z.string().url(),
  cancelUrl: z.string().url(),
});

export function checkoutRoute(deps: BillingDeps) {
  return new Hono().post("/internal/checkout", async (c) => {
    const body = parseInput(checkoutBody, await jsonBody(c.req));
    return c.json(await createCheckout(deps, body));
  });
}
