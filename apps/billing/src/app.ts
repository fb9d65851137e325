import { Hono } from "hono";
import type { BillingDeps } from "./deps.ts";
import { errorBody, handleError } from "./errors.ts";
import { mountRoutes } from "./routes/index.ts";

/** Pure wiring: the billing HTTP app over injected dependencies. */
export function createApp(deps: BillingDeps): Hono {
  const app = new Hono();
  mountRoutes(app, deps);
  app.notFound((c) => c.json(errorBody("Not found", "not_found_error", "not_found"), 404));
  app.onError(handleError(deps.logger));
  return app;
}
