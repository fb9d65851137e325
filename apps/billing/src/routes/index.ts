import type { Hono } from "hono";
import type { BillingDeps } from "../deps.ts";
import { autoTopupRoute } from "./auto-topup.ts";
import { checkoutRoute } from "./checkout.ts";
import { devCheckoutRoute } from "./dev-checkout.ts";
import { feesRoute } from "./fees.ts";
import { healthRoute } from "./health.ts";
import { internalAuth } from "./internal-auth.ts";
import { stripeWebhookRoute } from "./stripe-webhook.ts";
import { transactionsRoute } from "./transactions.ts";

export function mountRoutes(app: Hono, deps: BillingDeps): void {
  app.use("/internal/*", internalAuth(deps.internalToken));
  app.route("/", healthRoute(deps));
  app.route("/", checkoutRoute(deps));
  app.route("/", feesRoute(deps));
  app.route("/", transactionsRoute(deps));
  app.route("/", autoTopupRoute(deps));
  app.route("/", stripeWebhookRoute(deps));
  if (deps.stripe === null) app.route("/", devCheckoutRoute(deps));
}
