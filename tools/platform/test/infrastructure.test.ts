import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDatabaseUrl, testRedisUrl } from "@switchyard/db/testing";
import { describe, expect, it } from "vitest";
import { isPortOpen, resolveInfrastructure } from "../src/infrastructure.ts";

const dataDir = mkdtempSync(join(tmpdir(), "switchyard-infra-"));
const log = () => {};

describe("resolveInfrastructure", () => {
  it("uses configured PostgreSQL and Redis and reports the mode", async () => {
    const infra = await resolveInfrastructure({
      dataDir,
      databaseUrl: testDatabaseUrl(),
      redisUrl: testRedisUrl(),
      log,
    });
    expect(infra.postgresMode).toBe("configured");
    expect(infra.redisMode).toBe("configured");
    expect(infra.databaseUrl).toBe(testDatabaseUrl());
    await infra.stop();
  });

  it("fails with a clear message when the configured PostgreSQL is unreachable", async () => {
    await expect(
      resolveInfrastructure({ dataDir, databaseUrl: "postgres://postgres@127.0.0.1:1/nothing", log }),
    ).rejects.toThrow(/PostgreSQL is not reachable at 127\.0\.0\.1:1/);
  });

  it("fails with a clear message when the configured Redis is unreachable", async () => {
    await expect(
      resolveInfrastructure({
        dataDir,
        databaseUrl: testDatabaseUrl(),
        redisUrl: "redis://127.0.0.1:1/0",
        log,
      }),
    ).rejects.toThrow(/Redis is not reachable at 127\.0\.0\.1:1/);
  });

  it("probes ports", async () => {
    expect(
      await isPortOpen(
        "127.0.0.1",
        new URL(testDatabaseUrl()).port ? Number(new URL(testDatabaseUrl()).port) : 5432,
      ),
    ).toBe(true);
    expect(await isPortOpen("127.0.0.1", 1)).toBe(false);
  });
});
