import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".next" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the dashboard for production when its build is missing or older than its sources. */
export function ensureWebBuild(root: string, log: (line: string) => void): void {
  const webDir = join(root, "apps/web");
  const buildId = join(webDir, ".next/BUILD_ID");
  const sources = [
    webDir,
    join(root, "packages/db/src"),
    join(root, "packages/routing/src"),
    join(root, "packages/config/src"),
  ];
  if (existsSync(buildId)) {
    const built = statSync(buildId).mtimeMs;
    if (sources.every((dir) => newestMtime(dir) <= built)) return;
  }
  log("Building the dashboard (next build)…");
  const result = spawnSync(join(webDir, "node_modules/.bin/next"), ["build"], {
    cwd: webDir,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}
