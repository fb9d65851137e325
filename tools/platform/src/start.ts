// `npm start`: the whole platform on this machine, with a ready demo key in dev mode.
import { join } from "node:path";
import { ROOT, startPlatform } from "./platform.ts";

const log = (line: string) => console.log(`› ${line}`);
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const platform = await startPlatform({
  ports: {
    gateway: port("GATEWAY_PORT", 8080),
    billing: port("BILLING_PORT", 8081),
    web: port("WEB_PORT", 3000),
    sim: port("PROVIDER_SIM_PORT", 8090),
  },
  dataDir: process.env.SWITCHYARD_DATA_DIR ?? join(ROOT, ".data"),
  databaseUrl: process.env.DATABASE_URL,
  redisUrl: process.env.REDIS_URL,
  useSimulator: process.env.SWITCHYARD_REAL_PROVIDERS !== "1",
  forceEmbedded: process.env.SWITCHYARD_EMBEDDED === "1",
  log,
  appOutput: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const { urls, demo, infrastructure } = platform;
console.log(`
Switchyard is running.
  Mode:          Postgres ${infrastructure.postgresMode}, Redis ${infrastructure.redisMode}${infrastructure.redisUrl ? "" : " (settlement inline, Postgres holds, local rate limits)"}
  API:           ${urls.api}
  Dashboard:     ${urls.web}   (demo login: ${demo.email} / ${demo.password})
  Billing:       ${urls.billing}
  Provider sim:  ${urls.sim}

Demo API key (dev mode, $10 of demo credit):
  ${demo.apiKey}

Try it:
  curl ${urls.api}/chat/completions \\
    -H "Authorization: Bearer ${demo.apiKey}" -H "Content-Type: application/json" \\
    -d '{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"Hello!"}]}'

Press Ctrl-C to stop.`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log("\n› Stopping…");
  await platform.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
