import { createDb, type DbHandle, memberships, newId, users } from "@switchyard/db";
import { createTestOrg, type TestOrg, testDatabaseUrl } from "@switchyard/db/testing";
import type { Role } from "../src/lib/authz/roles.ts";

export function openTestDb(): DbHandle {
  return createDb(testDatabaseUrl(), { max: 4 });
}

/** Adds a fresh user to `orgId` with `role`; returns the user id. */
export async function addMember(handle: DbHandle, orgId: string, role: Role): Promise<string> {
  const userId = newId("usr");
  await handle.db.insert(users).values({ id: userId, email: `${userId.toLowerCase()}@test.switchyard.dev` });
  await handle.db.insert(memberships).values({ orgId, userId, role });
  return userId;
}

export interface OrgWithRoles {
  org: TestOrg;
  owner: { userId: string };
  admin: { userId: string };
  member: { userId: string };
  /** Owner of another org: a stranger here. */
  outsider: { userId: string };
  otherOrg: TestOrg;
}

/** One org with an owner, an admin and a member, plus an unrelated org whose owner is an outsider. */
export async function createOrgWithRoles(handle: DbHandle): Promise<OrgWithRoles> {
  const org = await createTestOrg(handle.db);
  const otherOrg = await createTestOrg(handle.db);
  return {
    org,
    owner: { userId: org.userId },
    admin: { userId: await addMember(handle, org.orgId, "admin") },
    member: { userId: await addMember(handle, org.orgId, "member") },
    outsider: { userId: otherOrg.userId },
    otherOrg,
  };
}
