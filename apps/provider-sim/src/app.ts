import type { HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import { adminRoutes } from "./admin/admin-routes.ts";
import { anthropicFormat } from "./formats/anthropic/index.ts";
import type { FormatSpec, RouteInfo } from "./formats/format-spec.ts";
import { geminiFormat } from "./formats/gemini/index.ts";
import { handleCompletion, type SimContext } from "./formats/handle-completion.ts";
import { openaiFormat } from "./formats/openai/index.ts";
import type { SettingsPatch } from "./settings/patch-schema.ts";
import { SimStats } from "./settings/stats.ts";
import { SimSettingsStore } from "./settings/store.ts";

export interface ProviderSimOptions {
  /** Seed for generated text and the fault sequence. Default 42. */
  seed?: number;
  /** Initial per-provider settings (e.g. from a config file). */
  providers?: Record<string, SettingsPatch>;
}

const GEMINI_PATH = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

function dispatch(
  path: string,
): { spec: FormatSpec; model?: string; method?: RouteInfo["method"] } | undefined {
  if (path.endsWith("/chat/completions")) return { spec: openaiFormat };
  if (path.endsWith("/v1/messages")) return { spec: anthropicFormat };
  const gemini = GEMINI_PATH.exec(path);
  if (gemini) {
    return {
      spec: geminiFormat,
      model: gemini[1] ?? "",
      method: gemini[2] === "streamGenerateContent" ? "streamGenerateContent" : "generateContent",
    };
  }
  return undefined;
}

/**
 * The simulator app: every provider lives under `/{providerId}` + the path of its real base URL,
 * and the format is chosen by the path suffix. `/__admin` changes behaviour at run time.
 */
export function createProviderSim(options: ProviderSimOptions = {}) {
  const settings = new SimSettingsStore(options.providers);
  const stats = new SimStats();
  const sim: SimContext = { store: settings, stats, seed: options.seed ?? 42 };
  const app = new Hono<{ Bindings: HttpBindings }>();

  app.route("/__admin", adminRoutes(settings, stats));
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.post("/:providerId/*", (c) => {
    const providerId = c.req.param("providerId");
    const target = dispatch(c.req.path);
    if (!target) {
      return c.json(
        { error: { message: `Unknown API path ${c.req.path}`, type: "invalid_request_error" } },
        404,
      );
    }
    const route: RouteInfo = {
      providerId,
      pathModel: target.model,
      method: target.method,
      query: (name) => c.req.query(name),
      header: (name) => c.req.header(name),
    };
    return handleCompletion(c, sim, target.spec, route);
  });
  app.notFound((c) => c.json({ error: { message: "Not found", type: "invalid_request_error" } }, 404));
  return { app, settings, stats };
}
