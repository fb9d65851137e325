import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import type { Target } from "./measure.ts";

const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve("autocannon/autocannon.js");

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** autocannon in its own process, so the load generator never shares an event loop with a target. */
export function runLoad(
  target: Target,
  options: { connections: number; seconds: number; rate?: number; stream?: boolean },
): Promise<LoadResult> {
  const args = [
    AUTOCANNON,
    "--json",
    "-c",
    String(options.connections),
    "-d",
    String(options.seconds),
    "-m",
    "POST",
    "-H",
    "content-type=application/json",
    ...Object.entries(target.headers).flatMap(([k, v]) => ["-H", `${k}=${v}`]),
    "-b",
    target.body(options.stream ?? false),
    ...(options.rate ? ["-R", String(options.rate)] : []),
    target.url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const result = JSON.parse(out) as {
        requests: { average: number; total: number };
        latency: { p50: number; p99: number };
        errors: number;
        non2xx: number;
      };
      resolve({
        requestsPerSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
        total: result.requests.total,
      });
    });
  });
}
