import { openSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ServerProcess, startServer } from "./server-process.ts";

const require = createRequire(import.meta.url);

/**
 * Portkey's open-source gateway from npm, headless on loopback, with the one preload its streaming
 * needs on Node.js (portkey-streaming-fix.mjs says what it changes and why).
 */
export function startPortkey(port: number): Promise<ServerProcess> {
  const packageJson = require.resolve("@portkey-ai/gateway/package.json");
  return startServer({
    command: process.execPath,
    args: [
      "--import",
      fileURLToPath(new URL("./portkey-streaming-fix.mjs", import.meta.url)),
      join(dirname(packageJson), "build/start-server.js"),
      `--port=${port}`,
      "--headless",
    ],
    env: { NODE_ENV: "production" },
    port,
    // Its error log goes to a file: the benchmark output stays a table.
    stderr: openSync(join(tmpdir(), "portkey-bench.log"), "w"),
    ready: async (url) => (await fetch(url)).ok,
    timeoutMs: 30_000,
  });
}
