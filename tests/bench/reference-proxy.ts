import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT } from "@switchyard/platform";
import { type ServerProcess, startServer } from "./server-process.ts";

// The smallest Node.js gateway: read the body, forward it over a keep-alive pool, send the answer
// back. Run beside the real gateways, it shows what one extra Node.js hop costs on this machine.
const NODE_SERVER = `
const http = require("node:http");
const { Pool } = require(process.env.UNDICI_PATH);
const upstream = new URL(process.env.UPSTREAM_URL);
const pool = new Pool(upstream.origin, { connections: 64 });
http.createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const answer = await pool.request({
    path: upstream.pathname,
    method: "POST",
    headers: { "content-type": "application/json", authorization: req.headers.authorization },
    body: Buffer.concat(chunks),
  });
  res.writeHead(answer.statusCode, { "content-type": answer.headers["content-type"] });
  for await (const chunk of answer.body) res.write(chunk);
  res.end();
}).listen(Number(process.env.PORT), "127.0.0.1");
`;

/** The Node.js reference proxy in its own process, forwarding every POST to `upstreamUrl`. */
export function startNodeProxy(port: number, upstreamUrl: string): Promise<ServerProcess> {
  return startProxy(process.execPath, ["-e", NODE_SERVER], port, upstreamUrl, {
    UNDICI_PATH: fileURLToPath(import.meta.resolve("undici")),
  });
}

/**
 * Builds the Go reference proxy (go-proxy/main.go, the standard library only) offline with the Go
 * toolchain that `npm run bench` installs, and answers the binary's path. Called before anything
 * is started, so a failed build leaves nothing running.
 */
export function buildGoProxy(): string {
  const source = join(dirname(fileURLToPath(import.meta.url)), "go-proxy");
  const binary = join(ROOT, ".data/bench/go-proxy");
  mkdirSync(dirname(binary), { recursive: true });
  const build = spawnSync("go", ["build", "-o", binary, "."], {
    cwd: source,
    stdio: ["ignore", "inherit", "inherit"],
    // No module downloads (there are no dependencies, and no internet), a cache of our own.
    env: { ...process.env, GOPROXY: "off", GOCACHE: join(ROOT, ".data/go-cache") },
  });
  if (build.status !== 0) throw new Error("could not build the Go reference proxy (tests/bench/go-proxy)");
  return binary;
}

/** The Go reference proxy: the same hop in the language of the Go gateways. */
export function startGoProxy(binary: string, port: number, upstreamUrl: string): Promise<ServerProcess> {
  return startProxy(binary, [], port, upstreamUrl, {});
}

/** A proxy forwarding every POST to `upstreamUrl`; any answer to a POST means it is up. */
function startProxy(
  command: string,
  args: string[],
  port: number,
  upstreamUrl: string,
  env: Record<string, string>,
): Promise<ServerProcess> {
  return startServer({
    command,
    args,
    env: { ...env, PORT: String(port), UPSTREAM_URL: upstreamUrl },
    port,
    stderr: "inherit",
    ready: (url) => fetch(url, { method: "POST", body: "{}" }).then(() => true),
    timeoutMs: 10_000,
  });
}
