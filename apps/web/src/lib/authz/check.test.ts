import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgWithRoles, type OrgWithRoles, openTestDb } from "../../../test/fixtures.ts";
import { AuthzError } from "../errors.ts";
import { checkMembership } from "./check.ts";
import type { Role } from "./roles.ts";

const handle = openTestDb();
let world: OrgWithRoles;

beforeAll(async () => {
  world = await createOrgWithRoles(handle);
});
afterAll(() => handle.close());

async function outcome(actor: { userId: string } | null, minRole: Role, orgId = world.org.orgId) {
  try {
    const membership = await checkMembership(handle.db, actor, orgId, minRole);
    return membership.role;
  } catch (error) {
    if (error instanceof AuthzError) return error.status;
    throw error;
  }
}

describe("checkMembership matrix (real database)", () => {
  it.each([
    ["owner", "member", "owner"],
    ["owner", "admin", "owner"],
    ["owner", "owner", "owner"],
    ["admin", "member", "admin"],
    ["admin", "admin", "admin"],
    ["admin", "owner", 403],
    ["member", "member", "member"],
    ["member", "admin", 403],
    ["member", "owner", 403],
    ["outsider", "member", 403],
    ["outsider", "admin", 403],
  ] as const)("%s asking for %s gets %s", async (who, minRole, expected) => {
    expect(await outcome(world[who], minRole)).toBe(expected);
  });

  it("refuses a signed-out visitor with 401", async () => {
    expect(await outcome(null, "member")).toBe(401);
  });

  it("refuses a missing org id and an unknown org with 403", async () => {
    expect(
      await checkMembership(handle.db, world.owner, "", "member").catch((e: AuthzError) => e.status),
    ).toBe(403);
    expect(await outcome(world.owner, "member", "org_doesnotexist")).toBe(403);
  });

  it("an owner of one org is refused in the other", async () => {
    expect(await outcome(world.owner, "member", world.otherOrg.orgId)).toBe(403);
    expect(await outcome(world.outsider, "owner", world.otherOrg.orgId)).toBe("owner");
  });
});
