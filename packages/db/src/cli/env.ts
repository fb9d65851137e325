import { envFields, parseEnv, z } from "@switchyard/config";

export const cliEnv = parseEnv(z.object({ DATABASE_URL: envFields.databaseUrl }), process.env);
