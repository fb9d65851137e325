// Plain Node (no dependencies): runs before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createConnection } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const PNPM_VERSION = "9.15.9";

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: ROOT, ...options });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 9)) {
    console.error(`✖ Switchyard needs Node.js >= 20.9 (found ${process.versions.node}).`);
    process.exit(1);
  }
}

/** pnpm bootstrapped through npx (corepack cannot verify signatures here). */
export function pnpm(args, options = {}) {
  run("npx", ["-y", `pnpm@${PNPM_VERSION}`, ...args], options);
}

export function installDependencies() {
  console.log("› Installing dependencies (pnpm, frozen lockfile)…");
  pnpm(["install", "--frozen-lockfile", "--reporter=append-only"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export function isPortOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolvePromise) => {
    const socket = createConnection({ host, port });
    const done = (open) => {
      socket.destroy();
      resolvePromise(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** A Debian package the scripts need (Chromium for browser tests, wrk for the benchmark), installed with apt-get when its binary is missing. */
export function ensureAptPackage(binary, name, purpose) {
  if (existsSync(binary)) return;
  console.log(`› Installing ${name} for ${purpose} (apt-get)…`);
  if (process.getuid?.() !== 0) {
    console.error(`✖ ${binary} is missing and this is not root: run \`apt-get install -y ${name}\`.`);
    process.exit(1);
  }
  const quiet = { stdio: ["ignore", "ignore", "inherit"] };
  if (
    spawnSync("apt-get", ["update", "-qq"], quiet).status !== 0 ||
    spawnSync("apt-get", ["install", "-y", "-qq", name], quiet).status !== 0
  ) {
    console.error(`✖ Could not install ${name} with apt-get.`);
    process.exit(1);
  }
}
