import { envFields, parseEnv, z } from "@switchyard/config";

const schema = z.object({
  PROVIDER_SIM_PORT: envFields.port(8090),
  PROVIDER_SIM_HOST: envFields.host,
  PROVIDER_SIM_SEED: z.coerce.number().int().default(42),
  /** Optional JSON file: `{ "<providerId>": { ...settings } }` applied at boot. */
  PROVIDER_SIM_CONFIG: z.string().optional(),
});

export type SimEnv = z.infer<typeof schema>;

export function readEnv(): SimEnv {
  return parseEnv(schema, process.env);
}
