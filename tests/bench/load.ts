import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Target } from "./measure.ts";

const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve("autocannon/autocannon.js");
/** Installed by `npm run bench` (scripts/bench.mjs) with apt-get when missing. */
const WRK = "/usr/bin/wrk";

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  total: number;
}

/**
 * As many requests as `connections` keep-alive connections can carry, from wrk (C) in its own
 * process. On two cores the load generator's CPU is taken from the targets: autocannon spent about
 * 50 µs per request here and wrk spends about 13, so at 3,500 requests/s wrk leaves a seventh of a
 * core more to the target, and the faster target is the one that loses most to a costly generator.
 */
export async function runLoad(
  target: Target,
  options: { connections: number; seconds: number },
): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-wrk-"));
  const script = join(dir, "request.lua");
  writeFileSync(script, wrkScript(target));
  try {
    const out = await runTool(WRK, [
      "--threads=1",
      `--connections=${options.connections}`,
      `--duration=${options.seconds}s`,
      `--script=${script}`,
      target.url,
    ]);
    const report = out.split("\n").find((line) => line.startsWith("{"));
    if (!report) throw new Error(`wrk printed no report: ${out.slice(0, 300)}`);
    const r = JSON.parse(report) as Record<
      "requests" | "durationUs" | "p50Us" | "p99Us" | "connect" | "read" | "write" | "status" | "timeout",
      number
    >;
    return {
      requestsPerSecond: r.requests / (r.durationUs / 1e6),
      p50Ms: r.p50Us / 1000,
      p99Ms: r.p99Us / 1000,
      errors: r.connect + r.read + r.write + r.timeout,
      non2xx: r.status,
      total: r.requests,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** wrk's request (method, headers, body) and a `done` hook that prints the figures as one JSON line. */
function wrkScript(target: Target): string {
  // Lua long brackets take the text as it is, with no escaping.
  const literal = (text: string) => {
    if (text.includes("]==]")) throw new Error("request text must not contain ]==]");
    return `[==[${text}]==]`;
  };
  const headers = { "content-type": "application/json", ...target.headers };
  return [
    `wrk.method = "POST"`,
    `wrk.body = ${literal(target.body(false))}`,
    ...Object.entries(headers).map(([name, value]) => `wrk.headers[ ${literal(name)} ] = ${literal(value)}`),
    "done = function(s, latency)",
    `  io.write(string.format('{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',`,
    "    s.requests, s.duration, latency:percentile(50), latency:percentile(99),",
    "    s.errors.connect, s.errors.read, s.errors.write, s.errors.status, s.errors.timeout))",
    "end",
  ].join("\n");
}

/** A fixed request rate (wrk has no rate control), from autocannon in its own process. */
export async function runLoadAtRate(
  target: Target,
  options: { connections: number; seconds: number; rate: number },
): Promise<LoadResult> {
  const out = await runTool(process.execPath, [
    AUTOCANNON,
    "--json",
    "-c",
    String(options.connections),
    "-d",
    String(options.seconds),
    "-R",
    String(options.rate),
    "-m",
    "POST",
    "-H",
    "content-type=application/json",
    ...Object.entries(target.headers).flatMap(([k, v]) => ["-H", `${k}=${v}`]),
    "-b",
    target.body(false),
    target.url,
  ]);
  let result: {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  try {
    result = JSON.parse(out);
  } catch {
    throw new Error(`autocannon printed no JSON report: ${out.slice(0, 300)}`);
  }
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/** Runs a load tool to its end and resolves with its standard output. */
function runTool(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${err.slice(0, 300)}`)),
    );
  });
}
