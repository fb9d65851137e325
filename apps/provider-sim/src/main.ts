import { readFileSync } from "node:fs";
import { z } from "zod";
import { readEnv } from "./env.ts";
import { startProviderSim } from "./server.ts";
import { settingsPatchSchema } from "./settings/patch-schema.ts";

const env = readEnv();
const providers = env.PROVIDER_SIM_CONFIG
  ? z.record(z.string(), settingsPatchSchema).parse(JSON.parse(readFileSync(env.PROVIDER_SIM_CONFIG, "utf8")))
  : undefined;
const sim = await startProviderSim({
  port: env.PROVIDER_SIM_PORT,
  host: env.PROVIDER_SIM_HOST,
  seed: env.PROVIDER_SIM_SEED,
  providers,
});
process.stdout.write(`provider-sim listening on ${sim.url}\n`);

const shutdown = () => {
  void sim.close().then(() => process.exit(0));
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
