import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** Portkey's open-source gateway from npm, headless on loopback. */
export async function startPortkey(
  port: number,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const packageJson = require.resolve("@portkey-ai/gateway/package.json");
  const child: ChildProcess = spawn(
    process.execPath,
    [join(dirname(packageJson), "build/start-server.js"), `--port=${port}`, "--headless"],
    // Its error log goes to a file: the benchmark output stays a table.
    {
      stdio: ["ignore", "ignore", openSync(join(tmpdir(), "portkey-bench.log"), "w")],
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("Portkey gateway did not start");
    await new Promise((resolve) => setTimeout(resolve, 200));
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
