import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

export type Database = PostgresJsDatabase<typeof schema>;
export type SqlClient = postgres.Sql;

export interface DbHandle {
  db: Database;
  sql: SqlClient;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** Pool size; the gateway's hot path rarely touches Postgres, so small pools suffice. */
  max?: number;
}

/** The one way every app connects to Postgres. */
export function createDb(url: string, options: CreateDbOptions = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // int8 comes back as string by default; drizzle's bigint columns turn it into BigInt.
  });
  const db = drizzle(sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
