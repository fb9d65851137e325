import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appNodeFlags } from "../src/node-flags.ts";
import { ROOT } from "../src/platform.ts";

describe("appNodeFlags", () => {
  for (const app of ["gateway", "billing"]) {
    const dir = join(ROOT, "apps", app);

    it(`gives the ${app}'s start script and the platform the same flags`, () => {
      const flags = appNodeFlags(dir);
      expect(flags.length).toBeGreaterThan(0);
      for (const flag of flags) expect(flag).toMatch(/^--[a-z-]+(=\S+)?$/);
      const start = (
        JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { scripts: { start: string } }
      ).scripts.start;
      const substitution = "$(grep -v '^#' node-flags)";
      expect(start).toContain(substitution);
      // What the shell hands the start script's command, word by word.
      const fromShell = execFileSync("sh", ["-c", `printf '%s\\n' ${substitution}`], {
        cwd: dir,
        encoding: "utf8",
      })
        .trim()
        .split("\n");
      expect(fromShell).toEqual(flags);
    });
  }

  it("keeps the gateway's larger young generation", () => {
    expect(appNodeFlags(join(ROOT, "apps/gateway"))).toContain("--max-semi-space-size=64");
  });
});
