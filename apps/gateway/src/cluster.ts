import cluster, { type Worker } from "node:cluster";
import type { Logger } from "./observability/logger.ts";

/** A worker that dies sooner than this after starting is failing to start, not crashing. */
const MIN_UPTIME_MS = 5_000;

/**
 * Runs `count` gateway processes on one port: node:cluster hands each new connection to a worker,
 * so one machine's cores all serve requests. The workers agree because rate limits, credit holds
 * and cache invalidation already go through Redis (the caller refuses to cluster without it).
 * A worker that crashes is replaced; one that cannot start stops the whole gateway.
 */
export function runGatewayCluster(count: number, logger: Logger): void {
  let stopping = false;
  const fork = (): Worker => {
    const startedAt = Date.now();
    const worker = cluster.fork();
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt < MIN_UPTIME_MS) {
        logger.error({ code, signal }, "gateway worker failed to start; stopping");
        stop(1);
        return;
      }
      logger.error({ code, signal }, "gateway worker exited; starting a replacement");
      fork();
    });
    return worker;
  };
  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(exitCode);
    let running = workers.length;
    for (const worker of workers) {
      worker.once("exit", () => {
        running -= 1;
        if (running === 0) {
          logger.flush();
          process.exit(exitCode);
        }
      });
      worker.process.kill("SIGTERM");
    }
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  for (let i = 0; i < count; i++) fork();
  logger.info({ workers: count }, "gateway cluster started");
}
