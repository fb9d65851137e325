import cluster from "node:cluster";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { buildGatewayDeps } from "./build-deps.ts";
import { runGatewayCluster } from "./cluster.ts";
import { loadGatewayEnv } from "./env.ts";
import { createLogger } from "./observability/logger.ts";

const env = loadGatewayEnv();
const logger = createLogger(env.LOG_LEVEL);

if (env.GATEWAY_WORKERS > 1 && cluster.isPrimary) {
  runGatewayCluster(env.GATEWAY_WORKERS, logger);
} else {
  await serveGateway();
}

async function serveGateway(): Promise<void> {
  const built = await buildGatewayDeps(env, logger);
  const server = serve(
    { fetch: createApp(built.deps).fetch, port: env.GATEWAY_PORT, hostname: env.GATEWAY_HOST },
    (info) => logger.info({ port: info.port, mode: built.deps.config.mode }, "gateway listening"),
  );

  let stopping = false;
  async function shutdown(): Promise<void> {
    if (stopping) return;
    stopping = true;
    server.close();
    await built.close();
    logger.flush();
    process.exit(0);
  }
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
