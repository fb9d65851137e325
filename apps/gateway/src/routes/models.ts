import { Hono } from "hono";
import type { GatewayDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { architectureOf, endpointView, modelView } from "./catalog-view.ts";

/** Public catalog: `GET /models` and `GET /models/:author/:slug/endpoints` (no key needed). */
export function modelsRoute(deps: GatewayDeps) {
  return new Hono<GatewayEnv>()
    .get("/models", (c) => {
      const catalog = deps.catalog.current();
      const query = c.req.query("q")?.toLowerCase();
      const wanted = c.req.query("supported_parameters")?.split(",").filter(Boolean) ?? [];
      const data = [...catalog.models.values()]
        .map((model) => modelView(model, catalog.endpointsByModel.get(model.id) ?? []))
        .filter((m) => m.providers.length > 0)
        .filter((m) => !query || m.id.includes(query) || m.name.toLowerCase().includes(query))
        .filter((m) => wanted.every((p) => m.supported_parameters.includes(p)))
        .sort((a, b) => a.id.localeCompare(b.id));
      return c.json({ data, total_count: data.length });
    })
    .get("/models/:author/:slug/endpoints", (c) => {
      const catalog = deps.catalog.current();
      const id = `${c.req.param("author")}/${c.req.param("slug")}`;
      const model = catalog.models.get(id);
      if (!model)
        throw new ApiError(404, "model_not_found", `Model ${id} does not exist.`, { param: "model" });
      const endpoints = catalog.endpointsByModel.get(id) ?? [];
      return c.json({
        data: {
          id: model.id,
          name: model.name,
          created: Math.floor(model.createdAt.getTime() / 1000),
          description: model.description,
          architecture: architectureOf(model),
          endpoints: endpoints.map((e) => endpointView(model, e, deps.health.stats(e.id))),
        },
      });
    });
}
