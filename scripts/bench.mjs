// `npm run bench`: install, check services, then run the gateway benchmark (tests/bench/run.ts).
import { checkNode, installDependencies, isPortOpen, ROOT, run } from "./lib/bootstrap.mjs";

checkNode();
installDependencies();
for (const [name, port] of [
  ["PostgreSQL", 5432],
  ["Redis", 6379],
]) {
  if (!(await isPortOpen("127.0.0.1", port))) {
    console.error(`✖ ${name} is not reachable on 127.0.0.1:${port}; the benchmark runs with everything on.`);
    process.exit(1);
  }
}
run(`${ROOT}/node_modules/.bin/tsx`, ["tests/bench/run.ts"]);
