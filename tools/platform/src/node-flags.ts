import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The Node.js flags an app runs with, from its `node-flags` file: the one list its own `start`
 * script and the platform both launch it with. One flag per line; lines starting with # are comments.
 */
export function appNodeFlags(appDir: string): string[] {
  return readFileSync(join(appDir, "node-flags"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}
