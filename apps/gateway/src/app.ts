import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import type { GatewayDeps } from "./deps.ts";
import { ApiError, respondWithError } from "./errors.ts";
import type { GatewayEnv } from "./hono-env.ts";
import { requestHeader } from "./http/request-header.ts";
import { apiRoutes } from "./routes/index.ts";

/** Pure wiring: the gateway's HTTP surface over the dependencies it is given. */
export function createApp(deps: GatewayDeps) {
  const api = apiRoutes(deps);
  const app = new Hono<GatewayEnv>();

  app.use(async (c, next) => {
    // The gateway's own time (the overhead header, generation latency, the deadline) counts from
    // here, before key authentication.
    c.set("startedAt", performance.now());
    const requestId = requestHeader(c, "x-request-id") ?? randomUUID();
    c.set("requestId", requestId);
    // On the Node response, not c.header(): that would build a Fetch Headers object per request.
    // Node merges it into every answer, Hono's and the ones written directly (sendJson, SSE).
    c.env.outgoing.setHeader("x-request-id", requestId);
    await next();
  });

  app.get("/health", (c) => c.json({ status: "ok", service: "gateway", mode: deps.config.mode }));
  app.get("/metrics", (c) =>
    c.text(deps.overhead.render(), 200, { "content-type": "text/plain; version=0.0.4" }),
  );
  app.route("/api/v1", api);
  app.route("/v1", api);

  app.notFound((c) =>
    respondWithError(c, new ApiError(404, "not_found", `No route for ${c.req.method} ${c.req.path}.`)),
  );
  app.onError((error, c) => {
    if (error instanceof ApiError) return respondWithError(c, error);
    deps.logger.error({ err: error, requestId: c.var.requestId, path: c.req.path }, "unhandled error");
    return respondWithError(
      c,
      new ApiError(500, "internal_error", `Internal error; quote request id ${c.var.requestId} to support.`),
    );
  });
  return app;
}
