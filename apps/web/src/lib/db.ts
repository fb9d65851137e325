import { createDb, type Database, type DbHandle } from "@switchyard/db";
import { env } from "../env.ts";

const holder = globalThis as typeof globalThis & { __switchyardWebDb?: DbHandle };

/** The process-wide Postgres handle (kept on globalThis so dev hot reloads reuse the pool). */
export function db(): Database {
  holder.__switchyardWebDb ??= createDb(env().DATABASE_URL, { max: 5 });
  return holder.__switchyardWebDb.db;
}
