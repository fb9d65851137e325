import { memberships, users } from "@switchyard/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { realDeps } from "../../../test/deps.ts";
import { createOrgWithRoles, type OrgWithRoles, openTestDb } from "../../../test/fixtures.ts";
import { AuthzError } from "../errors.ts";
import { acceptInvite, createInvite, describeInvite } from "./invites.ts";
import { listMembers, listPendingInvites } from "./queries.ts";
import { changeRole, removeMember } from "./roles.ts";

const handle = openTestDb();
const deps = realDeps(handle);
let world: OrgWithRoles;

beforeEach(async () => {
  world = await createOrgWithRoles(handle);
});
afterAll(async () => {
  await deps.close();
  await handle.close();
});

const scope = (who: "owner" | "admin" | "member" | "outsider") => ({
  actor: world[who],
  orgId: world.org.orgId,
});
const roleOf = async (userId: string) =>
  (
    await handle.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, world.org.orgId), eq(memberships.userId, userId)))
  )[0]?.role;
const emailOf = async (userId: string) =>
  (await handle.db.select().from(users).where(eq(users.id, userId)))[0]?.email ?? "";

describe("members and invites", () => {
  it("an admin invites by email; the invited user accepts through the link and joins with that role", async () => {
    const inviteeEmail = await emailOf(world.outsider.userId);
    const invite = await createInvite(
      deps,
      scope("admin"),
      { email: inviteeEmail.toUpperCase(), role: "admin" },
      "http://web.test/",
    );
    expect(invite.url).toMatch(/^http:\/\/web\.test\/invite\/[A-Za-z0-9]{32}$/);
    expect((await listPendingInvites(handle.db, world.org.orgId)).map((i) => i.email)).toEqual([
      inviteeEmail,
    ]);
    const token = invite.url.split("/").pop() ?? "";
    expect(await describeInvite(deps, token)).toMatchObject({
      email: inviteeEmail,
      role: "admin",
      usable: true,
    });
    expect(await acceptInvite(deps, world.outsider, token)).toBe(world.org.orgId);
    expect(await roleOf(world.outsider.userId)).toBe("admin");
    await expect(acceptInvite(deps, world.outsider, token)).rejects.toThrow(/already been used/);
    expect(await listPendingInvites(handle.db, world.org.orgId)).toEqual([]);
  });

  it("refuses an invite accepted by someone with another email, or signed out", async () => {
    const invite = await createInvite(
      deps,
      scope("owner"),
      { email: "someone-else@example.com", role: "member" },
      "http://web.test",
    );
    const token = invite.url.split("/").pop() ?? "";
    await expect(acceptInvite(deps, world.outsider, token)).rejects.toMatchObject({ status: 403 });
    await expect(acceptInvite(deps, null, token)).rejects.toMatchObject({ status: 401 });
    expect(await roleOf(world.outsider.userId)).toBeUndefined();
  });

  it("members and outsiders cannot invite; admins cannot invite owners", async () => {
    await expect(
      createInvite(deps, scope("member"), { email: "a@b.co", role: "member" }, "http://x"),
    ).rejects.toBeInstanceOf(AuthzError);
    await expect(
      createInvite(deps, scope("outsider"), { email: "a@b.co", role: "member" }, "http://x"),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createInvite(deps, scope("admin"), { email: "a@b.co", role: "owner" }, "http://x"),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("an admin changes member roles but cannot touch the owner; the last owner stays", async () => {
    await changeRole(deps, scope("admin"), world.member.userId, "admin");
    expect(await roleOf(world.member.userId)).toBe("admin");
    await expect(changeRole(deps, scope("admin"), world.owner.userId, "member")).rejects.toMatchObject({
      status: 403,
    });
    await expect(changeRole(deps, scope("owner"), world.owner.userId, "admin")).rejects.toThrow(
      /at least one owner/,
    );
    await changeRole(deps, scope("owner"), world.admin.userId, "owner");
    await changeRole(deps, scope("owner"), world.owner.userId, "member");
    expect(await roleOf(world.owner.userId)).toBe("member");
  });

  it("removal: members are refused, admins remove members, the last owner cannot be removed", async () => {
    await expect(removeMember(deps, scope("member"), world.admin.userId)).rejects.toMatchObject({
      status: 403,
    });
    await removeMember(deps, scope("admin"), world.member.userId);
    expect(await roleOf(world.member.userId)).toBeUndefined();
    await expect(removeMember(deps, scope("admin"), world.owner.userId)).rejects.toMatchObject({
      status: 403,
    });
    await expect(removeMember(deps, scope("owner"), world.owner.userId)).rejects.toThrow(
      /at least one owner/,
    );
    await expect(removeMember(deps, scope("outsider"), world.admin.userId)).rejects.toMatchObject({
      status: 403,
    });
    expect((await listMembers(handle.db, world.org.orgId)).map((m) => m.role).sort()).toEqual([
      "admin",
      "owner",
    ]);
  });
});
