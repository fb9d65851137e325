import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** Bundles the gateway into apps/gateway/dist (about a second); the platform runs it from there. */
export function buildGateway(root: string): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", "build.ts"], {
    cwd: join(root, "apps/gateway"),
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new Error("building the gateway (apps/gateway/build.ts) failed");
}
