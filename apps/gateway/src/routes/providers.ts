import { Hono } from "hono";
import type { GatewayDeps } from "../deps.ts";
import type { GatewayEnv } from "../hono-env.ts";

/** `GET /providers`: every provider with its data policy and live status from the health model. */
export function providersRoute(deps: GatewayDeps) {
  return new Hono<GatewayEnv>().get("/providers", (c) => {
    const catalog = deps.catalog.current();
    const endpointsByProvider = new Map<string, string[]>();
    for (const endpoints of catalog.endpointsByModel.values()) {
      for (const e of endpoints)
        endpointsByProvider.set(e.provider.id, [...(endpointsByProvider.get(e.provider.id) ?? []), e.id]);
    }
    const data = [...catalog.providers.values()].map((provider) => {
      const stats = (endpointsByProvider.get(provider.id) ?? []).map((id) => deps.health.stats(id));
      const measured = stats.filter((s) => s.uptimeLast5m !== null);
      const uptime =
        measured.length === 0
          ? null
          : measured.reduce((sum, s) => sum + (s.uptimeLast5m ?? 0), 0) / measured.length;
      const openCircuits = stats.filter((s) => s.circuit === "open").length;
      return {
        slug: provider.id,
        name: provider.name,
        api_format: provider.apiFormat,
        datacenters: [provider.region],
        data_policy: {
          training: provider.trainsOnPrompts,
          retains_prompts: provider.retainsPrompts,
          zdr: provider.zdr,
        },
        endpoints: stats.length,
        status:
          openCircuits > 0
            ? "degraded"
            : uptime === null
              ? "unknown"
              : uptime >= 0.95
                ? "operational"
                : uptime >= 0.8
                  ? "degraded"
                  : "down",
        uptime_last_5m: uptime,
        open_circuits: openCircuits,
      };
    });
    return c.json({ data });
  });
}
