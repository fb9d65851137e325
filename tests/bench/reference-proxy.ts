import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

// The smallest Node.js gateway: read the body, forward it over a keep-alive pool, send the answer
// back. Run beside the real gateways, it shows what one extra Node.js hop costs on this machine.
const SERVER = `
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

/** Starts the reference proxy in its own process, forwarding every POST to `upstreamUrl`. */
export async function startReferenceProxy(
  port: number,
  upstreamUrl: string,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["-e", SERVER], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      UPSTREAM_URL: upstreamUrl,
      UNDICI_PATH: fileURLToPath(import.meta.resolve("undici")),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(url, { method: "POST", body: "{}" });
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error("reference proxy did not start");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
