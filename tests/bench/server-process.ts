import { type ChildProcess, spawn } from "node:child_process";

/** A server the benchmark measures (a peer gateway or a reference proxy), in its own process. */
export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServerOptions {
  command: string;
  args: string[];
  env?: Record<string, string>;
  port: number;
  /** Where its error output goes: this terminal, or a file descriptor (a log of its own). */
  stderr: "inherit" | number;
  /** Answers true once the server at `url` takes requests; a throw means not yet. */
  ready: (url: string) => Promise<boolean>;
  timeoutMs: number;
}

/** Starts a server on loopback and waits until it is ready, or fails if it exits or times out. */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const child: ChildProcess = spawn(options.command, options.args, {
    stdio: ["ignore", "ignore", options.stderr],
    env: { ...process.env, ...options.env },
  });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      if (await options.ready(url)) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`${options.command} did not start on port ${options.port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
