import { Hono } from "hono";
import type { GatewayDeps } from "../deps.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { accountRoutes } from "./account.ts";
import { chatCompletionsRoute } from "./chat-completions.ts";
import { generationRoute } from "./generation.ts";
import { modelsRoute } from "./models.ts";
import { providersRoute } from "./providers.ts";
import { routePreviewRoute } from "./route-preview.ts";

/** Every public API route; mounted under /api/v1 and its /v1 alias. */
export function apiRoutes(deps: GatewayDeps) {
  return new Hono<GatewayEnv>()
    .route("/", chatCompletionsRoute(deps))
    .route("/", modelsRoute(deps))
    .route("/", providersRoute(deps))
    .route("/", generationRoute(deps))
    .route("/", accountRoutes(deps))
    .route("/", routePreviewRoute(deps));
}
