import { ensureDatabase, migrateDatabase } from "./migrate.ts";
import { testDatabaseUrl } from "./testing.ts";

/** Vitest globalSetup shared by every package: the test database exists and carries every migration. */
export default async function setup(): Promise<void> {
  const url = testDatabaseUrl();
  await ensureDatabase(url);
  await migrateDatabase(url);
}
