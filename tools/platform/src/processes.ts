import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface AppProcess {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface SpawnAppOptions {
  name: string;
  cwd: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  /** Receives each output line, already prefixed with the app's name. */
  output?: ((line: string) => void) | undefined;
}

/** Starts one app as a child process with its output prefixed, so several apps share a terminal. */
export function spawnApp(options: SpawnAppOptions): AppProcess {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const label = `[${options.name}]`.padEnd(15);
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => options.output?.(`${label} ${line}`));
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name: options.name,
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls a URL until it answers 2xx, the process dies, or the deadline passes. */
export async function waitForHttp(url: string, app: AppProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null)
      throw new Error(`${app.name} exited with code ${app.child.exitCode} while starting`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${app.name} did not become ready at ${url} within ${timeoutMs} ms`);
}
