// `npm test`: install, check services, prepare a fresh test database, then format, lint,
// typecheck and every test suite. Fails with a clear message when a service is unreachable.

import { checkNode, ensureAptPackage, installDependencies, isPortOpen, ROOT, run } from "./lib/bootstrap.mjs";

checkNode();
installDependencies();
ensureAptPackage("/usr/bin/chromium", "chromium", "browser tests");

const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/switchyard_test";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
await requireService("PostgreSQL", databaseUrl, 5432);
await requireService("Redis", redisUrl, 6379);

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  NODE_ENV: "test",
  // Turborepo looks for the workspace's pinned pnpm on PATH.
  PATH: `${ROOT}/node_modules/.bin:${process.env.PATH}`,
  TURBO_TELEMETRY_DISABLED: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};
const tsx = `${ROOT}/node_modules/.bin/tsx`;
console.log(`› Recreating and migrating the test database ${new URL(databaseUrl).pathname.slice(1)}…`);
run(tsx, ["tools/platform/src/prepare-test-db.ts"], { env });

console.log("› Format and lint (Biome)…");
run(`${ROOT}/node_modules/.bin/biome`, ["ci", "."], { env });
console.log("› Typecheck and test (Turborepo)…");
run(
  `${ROOT}/node_modules/.bin/turbo`,
  ["run", "typecheck", "test", "--concurrency=2", "--continue", "--output-logs=full"],
  {
    env,
  },
);
console.log("✔ All checks passed.");

async function requireService(name, url, defaultPort) {
  const { hostname, port } = new URL(url);
  const target = `${hostname}:${port || defaultPort}`;
  if (await isPortOpen(hostname, Number(port || defaultPort))) return;
  console.error(
    `✖ ${name} is not reachable at ${target}. Start it (or set ${name === "Redis" ? "REDIS_URL" : "DATABASE_URL"}) and run npm test again.`,
  );
  process.exit(1);
}
