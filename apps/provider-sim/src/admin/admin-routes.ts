import type { HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import { settingsPatchSchema } from "../settings/patch-schema.ts";
import type { SimStats } from "../settings/stats.ts";
import type { SimSettingsStore } from "../settings/store.ts";

/** Runtime control: per-provider settings (partial merge), reset, and request statistics. */
export function adminRoutes(store: SimSettingsStore, stats: SimStats) {
  const admin = new Hono<{ Bindings: HttpBindings }>();
  admin.get("/providers/:providerId", (c) => c.json(store.get(c.req.param("providerId"))));
  admin.put("/providers/:providerId", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: "body must be JSON" }, 400);
    }
    const parsed = settingsPatchSchema.safeParse(body);
    if (!parsed.success) return c.json({ error: parsed.error.issues }, 400);
    return c.json(store.update(c.req.param("providerId"), parsed.data));
  });
  admin.delete("/providers", (c) => {
    store.reset();
    stats.reset();
    return c.body(null, 204);
  });
  admin.get("/stats", (c) => c.json(stats.snapshot()));
  return admin;
}
