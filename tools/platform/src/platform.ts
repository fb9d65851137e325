import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, migrateDatabase } from "@switchyard/db";
import { seedCatalog } from "@switchyard/db/seed";
import { type DemoAccount, ensureDemoAccount } from "./demo-account.ts";
import { loadDevSecrets } from "./dev-secrets.ts";
import { buildGateway } from "./gateway-build.ts";
import { type Infrastructure, isPortOpen, resolveInfrastructure } from "./infrastructure.ts";
import { appNodeFlags } from "./node-flags.ts";
import { type AppProcess, spawnApp, waitForHttp } from "./processes.ts";
import { ensureWebBuild } from "./web-build.ts";

export const ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));

export interface PlatformPorts {
  gateway: number;
  billing: number;
  web: number;
  sim: number;
}

export interface PlatformOptions {
  ports: PlatformPorts;
  dataDir: string;
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
  databaseName?: string;
  forceEmbedded?: boolean;
  /** Apps to start; the dashboard needs a production build, which takes a while. */
  apps?: ("sim" | "gateway" | "billing" | "web")[];
  /** Redirect providers to provider-sim (dev, tests) instead of their real APIs. */
  useSimulator?: boolean;
  /** Extra environment for every app (e.g. Stripe settings). */
  env?: Record<string, string>;
  log: (line: string) => void;
  appOutput?: (line: string) => void;
}

export interface RunningPlatform {
  infrastructure: Infrastructure;
  urls: { gateway: string; api: string; billing: string; web: string; sim: string };
  demo: DemoAccount;
  billingInternalToken: string;
  /** Process ids of the started apps (benchmarks read their CPU and memory). */
  pids: Partial<Record<"sim" | "gateway" | "billing" | "web", number>>;
  stop(): Promise<void>;
}

/**
 * An app that cannot bind its port exits, but its readiness check would be answered by whatever
 * already listens there (an earlier run left behind), so the platform would run against stale code.
 */
async function assertPortsFree(apps: Set<keyof PlatformPorts>, ports: PlatformPorts): Promise<void> {
  const taken: string[] = [];
  for (const app of apps) if (await isPortOpen("127.0.0.1", ports[app])) taken.push(`${app} (${ports[app]})`);
  if (taken.length > 0)
    throw new Error(
      `Ports already in use on 127.0.0.1: ${taken.join(", ")}. Stop the process holding them (an earlier run?) and start again.`,
    );
}

/** Infrastructure, migrations, seed, demo account, then the apps: `npm start` and the e2e suites. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const { ports, log } = options;
  const apps = new Set<keyof PlatformPorts>(options.apps ?? ["sim", "gateway", "billing", "web"]);
  await assertPortsFree(apps, ports);
  mkdirSync(options.dataDir, { recursive: true });
  const infrastructure = await resolveInfrastructure({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    ...(options.databaseName ? { databaseName: options.databaseName } : {}),
    ...(options.forceEmbedded ? { forceEmbedded: true } : {}),
    log,
  });
  const running: AppProcess[] = [];
  const pids: RunningPlatform["pids"] = {};
  const stop = async () => {
    for (const app of running.reverse()) await app.stop();
    await infrastructure.stop();
  };
  try {
    log("Applying migrations and seeding the catalog…");
    await migrateDatabase(infrastructure.databaseUrl);
    const handle = createDb(infrastructure.databaseUrl, { max: 2 });
    const seeded = await seedCatalog(handle.db);
    log(`Catalog: ${seeded.models} models, ${seeded.providers} providers, ${seeded.endpoints} endpoints.`);
    const demo = await ensureDemoAccount(handle.db, options.dataDir);
    await handle.close();

    const secrets = loadDevSecrets(options.dataDir);
    const host = "127.0.0.1";
    const urls = {
      gateway: `http://${host}:${ports.gateway}`,
      api: `http://${host}:${ports.gateway}/api/v1`,
      billing: `http://${host}:${ports.billing}`,
      web: `http://${host}:${ports.web}`,
      sim: `http://${host}:${ports.sim}`,
    };
    const common = {
      DATABASE_URL: infrastructure.databaseUrl,
      REDIS_URL: infrastructure.redisUrl,
      BILLING_INTERNAL_TOKEN: secrets.billingInternalToken,
      LOG_LEVEL: "warn",
      ...options.env,
    };
    const nodeApp = (name: string, dir: string, args: string[], env: Record<string, string | undefined>) =>
      spawnApp({
        name,
        cwd: join(ROOT, dir),
        command: process.execPath,
        args,
        env: { ...common, ...env },
        output: options.appOutput,
      });
    const tsxApp = (
      name: string,
      dir: string,
      env: Record<string, string | undefined>,
      flags: string[] = [],
    ) => nodeApp(name, dir, [...flags, "--import", "tsx", "src/main.ts"], env);

    if (apps.has("sim")) {
      const sim = tsxApp("provider-sim", "apps/provider-sim", {
        PROVIDER_SIM_PORT: String(ports.sim),
        PROVIDER_SIM_HOST: host,
      });
      running.push(sim);
      pids.sim = sim.child.pid;
      await waitForHttp(`${urls.sim}/__admin/stats`, sim, 60_000);
    }
    if (apps.has("billing")) {
      const billing = tsxApp(
        "billing",
        "apps/billing",
        { BILLING_PORT: String(ports.billing), BILLING_HOST: host, PUBLIC_BILLING_URL: urls.billing },
        appNodeFlags(join(ROOT, "apps/billing")),
      );
      running.push(billing);
      pids.billing = billing.child.pid;
      await waitForHttp(`${urls.billing}/health`, billing, 60_000);
    }
    if (apps.has("gateway")) {
      // The gateway runs from its bundle (apps/gateway/build.ts says why), built afresh each start.
      buildGateway(ROOT);
      const gateway = nodeApp(
        "gateway",
        "apps/gateway",
        [...appNodeFlags(join(ROOT, "apps/gateway")), "dist/main.mjs"],
        {
          GATEWAY_PORT: String(ports.gateway),
          GATEWAY_HOST: host,
          ...(options.useSimulator !== false ? { PROVIDER_SIM_URL: urls.sim } : {}),
        },
      );
      running.push(gateway);
      pids.gateway = gateway.child.pid;
      await waitForHttp(`${urls.gateway}/health`, gateway, 60_000);
    }
    if (apps.has("web")) {
      const webEnv = {
        ...common,
        NEXTAUTH_URL: urls.web,
        NEXTAUTH_SECRET: secrets.nextAuthSecret,
        BILLING_URL: urls.billing,
        GATEWAY_PUBLIC_URL: urls.api,
        WEB_PORT: String(ports.web),
        NEXT_TELEMETRY_DISABLED: "1",
      };
      Object.assign(process.env, { NEXT_TELEMETRY_DISABLED: "1" });
      ensureWebBuild(ROOT, log);
      const web = spawnApp({
        name: "web",
        cwd: join(ROOT, "apps/web"),
        command: join(ROOT, "apps/web/node_modules/.bin/next"),
        args: ["start", "-p", String(ports.web), "-H", host],
        env: webEnv,
        output: options.appOutput,
      });
      running.push(web);
      pids.web = web.child.pid;
      await waitForHttp(urls.web, web, 90_000);
    }
    return { infrastructure, urls, demo, billingInternalToken: secrets.billingInternalToken, pids, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
