import { type SQL, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { testDatabaseUrl } from "./testing.ts";

// One connection, so every query runs on the backend whose prepared statements are counted.
const handle = createDb(testDatabaseUrl(), { max: 1 });
afterAll(() => handle.close());

type Executor = { execute: (query: SQL) => PromiseLike<unknown> };

/** Runs a parameterised query three times, then counts this backend's prepared statements of it. */
async function preparedCopies(executor: Executor, marker: string): Promise<number> {
  for (const value of [1, 2, 3]) await executor.execute(sql`select ${value}::int as ${sql.raw(marker)}`);
  const rows = (await executor.execute(
    sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%as ${marker}%`}`,
  )) as { n: number }[];
  return rows[0]?.n ?? -1;
}

describe("createDb", () => {
  it("runs drizzle's parameterised queries as prepared statements, prepared once per connection", async () => {
    expect(await preparedCopies(handle.db, `probe_${Date.now()}`)).toBe(1);
  });

  it("does the same inside transactions and savepoints", async () => {
    await handle.db.transaction(async (tx) => {
      expect(await preparedCopies(tx, `probe_tx_${Date.now()}`)).toBe(1);
      await tx.transaction(async (savepoint) => {
        expect(await preparedCopies(savepoint, `probe_sp_${Date.now()}`)).toBe(1);
      });
    });
  });
});
