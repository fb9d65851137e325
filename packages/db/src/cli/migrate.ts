// `pnpm --filter @switchyard/db migrate`: creates the database if needed and applies migrations.
import { ensureDatabase, migrateDatabase } from "../migrate.ts";
import { cliEnv } from "./env.ts";

await ensureDatabase(cliEnv.DATABASE_URL);
await migrateDatabase(cliEnv.DATABASE_URL);
process.stdout.write("migrations applied\n");
