import { createConnection } from "node:net";
import { join } from "node:path";
import { ensureDatabase } from "@switchyard/db";
import { startEmbeddedPostgres } from "@switchyard/db/embedded";

export interface Infrastructure {
  databaseUrl: string;
  redisUrl: string | undefined;
  postgresMode: "configured" | "local" | "embedded";
  redisMode: "configured" | "local" | "in-process";
  stop(): Promise<void>;
}

export interface InfrastructureOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
  /** Database name used on a local server (`switchyard` for npm start). */
  databaseName?: string;
  embeddedPort?: number;
  /** Ignore servers on the default loopback ports and run the embedded default anyway. */
  forceEmbedded?: boolean;
  log: (line: string) => void;
}

export function isPortOpen(host: string, port: number, timeoutMs = 800): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Postgres: DATABASE_URL, else a server answering on 127.0.0.1:5432, else an embedded PostgreSQL
 * kept in the data folder. Redis: REDIS_URL, else 127.0.0.1:6379, else in-process mode.
 */
export async function resolveInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  const name = options.databaseName ?? "switchyard";
  let databaseUrl: string;
  let postgresMode: Infrastructure["postgresMode"];
  let stop = async () => {};
  if (options.databaseUrl) {
    databaseUrl = options.databaseUrl;
    postgresMode = "configured";
    const { hostname, port } = new URL(databaseUrl);
    if (!(await isPortOpen(hostname, Number(port || 5432)))) {
      throw new Error(`PostgreSQL is not reachable at ${hostname}:${port || 5432} (from DATABASE_URL).`);
    }
  } else if (!options.forceEmbedded && (await isPortOpen("127.0.0.1", 5432))) {
    databaseUrl = `postgres://postgres@127.0.0.1:5432/${name}`;
    postgresMode = "local";
  } else {
    options.log("Starting the embedded PostgreSQL (no DATABASE_URL, nothing used on 127.0.0.1:5432)…");
    const embedded = await startEmbeddedPostgres({
      dataDir: join(options.dataDir, "postgres"),
      port: options.embeddedPort ?? 54329,
    });
    databaseUrl = embedded.url.replace(/\/switchyard$/, `/${name}`);
    postgresMode = "embedded";
    stop = embedded.stop;
  }
  await ensureDatabase(databaseUrl);

  let redisUrl: string | undefined;
  let redisMode: Infrastructure["redisMode"];
  if (options.redisUrl) {
    redisUrl = options.redisUrl;
    redisMode = "configured";
    const { hostname, port } = new URL(redisUrl);
    if (!(await isPortOpen(hostname, Number(port || 6379)))) {
      throw new Error(`Redis is not reachable at ${hostname}:${port || 6379} (from REDIS_URL).`);
    }
  } else if (!options.forceEmbedded && (await isPortOpen("127.0.0.1", 6379))) {
    redisUrl = "redis://127.0.0.1:6379/0";
    redisMode = "local";
  } else {
    redisUrl = undefined;
    redisMode = "in-process";
  }
  return { databaseUrl, redisUrl, postgresMode, redisMode, stop };
}
