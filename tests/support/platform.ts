import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDatabaseUrl, testRedisUrl } from "@switchyard/db/testing";
import { startPlatform as launch, type RunningPlatform } from "@switchyard/platform";

export interface E2ePlatform {
  webUrl: string;
  /** `http://127.0.0.1:<port>/api/v1` */
  gatewayUrl: string;
  billingUrl: string;
  simUrl: string;
  demoApiKey: string;
  platform: RunningPlatform;
  stop(): Promise<void>;
}

/**
 * The whole platform as `npm start` runs it (child processes, production dashboard build), on the
 * test database and Redis, on ports of its own so a running dev platform does not collide.
 */
export async function startPlatform(): Promise<E2ePlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), "switchyard-e2e-"));
  const prefix = `e2e${Date.now()}`;
  const platform = await launch({
    ports: { gateway: 28080, billing: 28081, web: 28300, sim: 28090 },
    dataDir,
    databaseUrl: testDatabaseUrl(),
    redisUrl: testRedisUrl(),
    env: { REDIS_KEY_PREFIX: prefix, QUEUE_PREFIX: prefix, LOG_LEVEL: "warn" },
    log: () => {},
    appOutput: process.env.E2E_VERBOSE ? (line) => console.log(line) : undefined,
  });
  return {
    webUrl: platform.urls.web,
    gatewayUrl: platform.urls.api,
    billingUrl: platform.urls.billing,
    simUrl: platform.urls.sim,
    demoApiKey: platform.demo.apiKey,
    platform,
    stop: async () => {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
