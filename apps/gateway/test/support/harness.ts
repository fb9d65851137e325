import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createDb, randomToken } from "@switchyard/db";
import { seedCatalog } from "@switchyard/db/seed";
import { createTestOrg, type TestOrg, testDatabaseUrl, testRedisUrl } from "@switchyard/db/testing";
import { grantPromotionalCredit } from "@switchyard/ledger";
import {
  configureSimProvider,
  resetSim,
  type SettingsPatch,
  startProviderSim,
} from "@switchyard/provider-sim";
import pino from "pino";
import { createApp } from "../../src/app.ts";
import { type BuiltGateway, buildGatewayDeps } from "../../src/build-deps.ts";
import { loadGatewayEnv } from "../../src/env.ts";

export interface GatewayHarness {
  /** `http://127.0.0.1:<port>/api/v1` */
  apiUrl: string;
  simUrl: string;
  org: TestOrg;
  db: ReturnType<typeof createDb>["db"];
  gateway: BuiltGateway;
  fund(nanos: bigint): Promise<void>;
  /** Changes one simulated provider's behaviour (latency, faults…). */
  simulate(providerId: string, settings: SettingsPatch): Promise<void>;
  resetSimulator(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real gateway on a loopback port, in front of the real provider simulator, on the test
 * database, with Redis (shared mode) or without it (embedded mode). One fresh org per harness.
 */
export async function startGatewayHarness(
  options: { redis?: boolean; credit?: bigint } = {},
): Promise<GatewayHarness> {
  const sim = await startProviderSim({ port: 0, host: "127.0.0.1" });
  const handle = createDb(testDatabaseUrl(), { max: 4 });
  await seedCatalog(handle.db);
  const prefix = `t${randomToken(8)}`;
  const env = loadGatewayEnv({
    DATABASE_URL: testDatabaseUrl(),
    ...(options.redis === false ? {} : { REDIS_URL: testRedisUrl() }),
    PROVIDER_SIM_URL: sim.url,
    REDIS_KEY_PREFIX: prefix,
    QUEUE_PREFIX: prefix,
    // Settle in-process: these suites test the gateway; the billing worker has suites of its own.
    SETTLEMENT: "inline",
    LOG_LEVEL: "silent",
    UPSTREAM_TIMEOUT_MS: "2000",
    REQUEST_DEADLINE_MS: "10000",
  });
  const gateway = await buildGatewayDeps(env, pino({ level: "silent" }));
  const server = serve({ fetch: createApp(gateway.deps).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const org = await createTestOrg(handle.db);
  const fund = async (nanos: bigint) => {
    await grantPromotionalCredit(handle.db, {
      orgId: org.orgId,
      amountNanos: nanos,
      idempotencyKey: `test-credit:${org.orgId}:${randomToken(6)}`,
      description: "test credit",
    });
    // Redis caches balances: tell it about credit that did not come through billing.
    await gateway.deps.holds.refresh?.(org.orgId);
  };
  await fund(options.credit ?? 10_000_000_000n);
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v1`,
    simUrl: sim.url,
    org,
    db: handle.db,
    gateway,
    fund,
    simulate: (providerId, settings) => configureSimProvider(sim.url, providerId, settings),
    resetSimulator: () => resetSim(sim.url),
    close: async () => {
      server.close();
      await gateway.close();
      await sim.close();
      await handle.close();
    },
  };
}

/** Polls until `check` returns a value or the deadline passes (no sleeps for synchronisation). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met before the deadline");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
