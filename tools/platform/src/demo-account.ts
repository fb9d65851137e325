import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  apiKeys,
  type Database,
  generateApiKey,
  hashApiKey,
  hashPassword,
  memberships,
  organizations,
  users,
} from "@switchyard/db";
import { grantPromotionalCredit } from "@switchyard/ledger";
import { eq } from "drizzle-orm";

export const DEMO_EMAIL = "demo@switchyard.dev";
export const DEMO_PASSWORD = "switchyard-demo";
const DEMO_ORG_ID = "org_demo";
const DEMO_USER_ID = "usr_demo";
const DEMO_CREDIT_NANOS = 10_000_000_000n; // $10

export interface DemoAccount {
  orgId: string;
  email: string;
  password: string;
  apiKey: string;
}

/**
 * Dev mode: a demo user, org, $10 of promotional credit and an API key, so a newcomer can curl
 * the endpoint at once. The key's secret is kept in the git-ignored data folder so restarts reuse it.
 */
export async function ensureDemoAccount(db: Database, dataDir: string): Promise<DemoAccount> {
  await db
    .insert(organizations)
    .values({ id: DEMO_ORG_ID, name: "Demo org", isDemo: true })
    .onConflictDoNothing();
  await db
    .insert(users)
    .values({
      id: DEMO_USER_ID,
      email: DEMO_EMAIL,
      name: "Demo user",
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .onConflictDoNothing();
  await db
    .insert(memberships)
    .values({ orgId: DEMO_ORG_ID, userId: DEMO_USER_ID, role: "owner" })
    .onConflictDoNothing();
  await grantPromotionalCredit(db, {
    orgId: DEMO_ORG_ID,
    amountNanos: DEMO_CREDIT_NANOS,
    idempotencyKey: "demo-credit:org_demo",
    description: "Demo credit",
  });

  const keyFile = join(dataDir, "demo-api-key");
  if (existsSync(keyFile)) {
    const secret = readFileSync(keyFile, "utf8").trim();
    const [row] = await db
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(eq(apiKeys.keyHash, hashApiKey(secret)));
    if (row) return { orgId: DEMO_ORG_ID, email: DEMO_EMAIL, password: DEMO_PASSWORD, apiKey: secret };
  }
  const key = generateApiKey();
  await db.insert(apiKeys).values({
    id: `key_demo_${key.prefix.slice(-6)}`,
    orgId: DEMO_ORG_ID,
    name: "Demo key",
    keyHash: key.hash,
    prefix: key.prefix,
    createdBy: DEMO_USER_ID,
  });
  writeFileSync(keyFile, key.secret, { mode: 0o600 });
  return { orgId: DEMO_ORG_ID, email: DEMO_EMAIL, password: DEMO_PASSWORD, apiKey: key.secret };
}
