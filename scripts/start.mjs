// `npm start`: install, then hand over to the TypeScript platform launcher.

import { spawn } from "node:child_process";
import { checkNode, installDependencies, ROOT } from "./lib/bootstrap.mjs";

checkNode();
installDependencies();
const child = spawn(
  `${ROOT}/node_modules/.bin/tsx`,
  ["tools/platform/src/start.ts", ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: "inherit",
  },
);
// The launcher handles Ctrl-C itself; keep this wrapper alive until it has cleaned up.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => {});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 0)));
