// `npm run bench`: install, check services, then run the gateway benchmark (tests/bench/run.ts).
// `npm run bench:settlement`: the usage-settlement throughput benchmark (apps/billing/bench) on a
// fresh database of its own.
import { checkNode, ensureAptPackage, installDependencies, isPortOpen, ROOT, run } from "./lib/bootstrap.mjs";

checkNode();
installDependencies();
if (process.argv[2] !== "settlement") {
  ensureAptPackage("/usr/bin/wrk", "wrk", "the load runs");
  ensureAptPackage("/usr/bin/go", "golang-go", "the Go reference proxy");
}
for (const [name, port] of [
  ["PostgreSQL", 5432],
  ["Redis", 6379],
]) {
  if (!(await isPortOpen("127.0.0.1", port))) {
    console.error(`✖ ${name} is not reachable on 127.0.0.1:${port}; the benchmark runs with everything on.`);
    process.exit(1);
  }
}
const tsx = `${ROOT}/node_modules/.bin/tsx`;
// Each run starts from an empty database of its own: a generations table grown by earlier runs
// (millions of rows, indexes past Postgres's cache) would make each run slower than the last.
const databaseUrl = (name) =>
  (process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/db").replace(/\/[^/]*$/, `/${name}`);
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl(
    process.argv[2] === "settlement" ? "switchyard_settlement_test" : "switchyard_bench",
  ),
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0",
};
run(tsx, ["tools/platform/src/prepare-test-db.ts"], { env });
if (process.argv[2] === "settlement") {
  run(tsx, ["apps/billing/bench/settlement.ts", ...process.argv.slice(3)], { env });
} else {
  run(tsx, ["tests/bench/run.ts"], { env });
}
