// Drops and recreates a throwaway database (the tests' or a benchmark's), then applies the
// committed migrations.
import { migrateDatabase } from "@switchyard/db";
import postgres from "postgres";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const name = new URL(url).pathname.slice(1);
if (!/^[A-Za-z0-9_]+$/.test(name) || !/test|bench/.test(name)) {
  throw new Error(`Refusing to recreate ${name}: a throwaway database's name contains "test" or "bench".`);
}
const admin = new URL(url);
admin.pathname = "/postgres";
const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
await sql.unsafe(`drop database if exists "${name}" with (force)`);
await sql.unsafe(`create database "${name}"`);
await sql.end();
await migrateDatabase(url);
console.log(`  database ${name} recreated and migrated`);
