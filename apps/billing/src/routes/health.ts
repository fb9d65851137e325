import { Hono } from "hono";
import type { BillingDeps } from "../deps.ts";

export function healthRoute(_deps: BillingDeps) {
  return new Hono().get("/health", (c) => c.json({ status: "ok" }));
}
