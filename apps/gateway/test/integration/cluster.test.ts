import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { randomToken } from "@switchyard/db";
import { freePort, testDatabaseUrl, testRedisUrl } from "@switchyard/db/testing";
import { afterEach, describe, expect, it } from "vitest";

const GATEWAY_DIR = fileURLToPath(new URL("../..", import.meta.url));
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** The gateway as it runs in production: `node src/main.ts` in its own process. */
function startGateway(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: GATEWAY_DIR,
    env: { PATH: process.env.PATH, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk) => (output += chunk));
  running.push(child);
  return { child, output: () => output };
}

/** Gateway worker processes of `pid` (its other children, such as tsx's esbuild, do not count). */
function workerPids(pid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // After the parenthesised command name come the state and the parent pid.
      const parent = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
      if (parent === pid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("main.ts"))
        pids.push(Number(entry));
    } catch {
      // the process exited while we looked
    }
  }
  return pids;
}

async function until<T>(
  read: () => T | Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

describe("GATEWAY_WORKERS", () => {
  it("serves one port from several processes, replaces a crashed worker and stops them all", async () => {
    const port = await freePort();
    const prefix = `t${randomToken(8)}`;
    const { child } = startGateway({
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: prefix,
      QUEUE_PREFIX: prefix,
      GATEWAY_PORT: String(port),
      GATEWAY_WORKERS: "2",
    });
    const pid = child.pid ?? 0;
    const workers = await until(
      () => workerPids(pid),
      (pids) => pids.length === 2,
    );
    const health = await until(
      () =>
        fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200,
    );
    expect(health).toBe(200);
    // Fresh connections (no keep-alive) are spread over the workers; every one is answered.
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`http://127.0.0.1:${port}/api/v1/models`, { headers: { connection: "close" } }).then(
          (r) => r.status,
        ),
      ),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);

    // A worker that crashes after starting is replaced.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    process.kill(workers[0] ?? 0, "SIGKILL");
    const replaced = await until(
      () => workerPids(pid),
      (pids) => pids.length === 2 && !pids.includes(workers[0] ?? 0),
    );
    expect(replaced).toContain(workers[1]);

    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
    expect(workerPids(pid)).toEqual([]);
  }, 60_000);

  it("refuses to cluster without Redis, whose absence would multiply every rate limit", async () => {
    const { child, output } = startGateway({ GATEWAY_PORT: String(await freePort()), GATEWAY_WORKERS: "2" });
    expect(await exited(child)).not.toBe(0);
    expect(output()).toMatch(/GATEWAY_WORKERS.*REDIS_URL/s);
  }, 30_000);
});
