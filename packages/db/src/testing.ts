import { type AddressInfo, createServer } from "node:net";
import { generateApiKey } from "./api-key-secret.ts";
import type { Database } from "./client.ts";
import { newId } from "./ids.ts";
import { apiKeys, memberships, organizations, users } from "./schema/index.ts";

export interface TestOrg {
  orgId: string;
  userId: string;
  keyId: string;
  apiKey: string;
}

/** Creates an isolated org with an owner and one API key; every integration test starts here. */
export async function createTestOrg(
  db: Database,
  options: { keyCreditLimitNanos?: bigint; rateLimitPerMinute?: number } = {},
): Promise<TestOrg> {
  const orgId = newId("org");
  const userId = newId("usr");
  const key = generateApiKey();
  const keyId = newId("key");
  await db.insert(organizations).values({ id: orgId, name: `Test ${orgId}` });
  await db.insert(users).values({ id: userId, email: `${userId.toLowerCase()}@test.switchyard.dev` });
  await db.insert(memberships).values({ orgId, userId, role: "owner" });
  await db.insert(apiKeys).values({
    id: keyId,
    orgId,
    name: "test key",
    keyHash: key.hash,
    prefix: key.prefix,
    creditLimitNanos: options.keyCreditLimitNanos ?? null,
    rateLimitPerMinute: options.rateLimitPerMinute ?? null,
  });
  return { orgId, userId, keyId, apiKey: key.secret };
}

/** The database integration tests use: `DATABASE_URL` from `npm test`, else the local test database. */
export function testDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/switchyard_test";
}

/** Redis for integration tests: `REDIS_URL` from `npm test`, else the local server. */
export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
}

/** A loopback port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
