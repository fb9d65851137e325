import { apiKeys, hashApiKey } from "@switchyard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InvalidationListener, listenForInvalidations, realDeps } from "../../../test/deps.ts";
import { createOrgWithRoles, type OrgWithRoles, openTestDb } from "../../../test/fixtures.ts";
import { AuthzError, UserError } from "../errors.ts";
import { deleteKey, setKeyDisabled } from "./change-key.ts";
import { createKey } from "./create-key.ts";
import { listKeys } from "./list-keys.ts";

const handle = openTestDb();
const deps = realDeps(handle);
let world: OrgWithRoles;
let listener: InvalidationListener;

beforeAll(async () => {
  world = await createOrgWithRoles(handle);
  listener = await listenForInvalidations();
});
afterAll(async () => {
  await listener.close();
  await deps.close();
  await handle.close();
});

const scopeOf = (who: keyof Pick<OrgWithRoles, "owner" | "admin" | "member" | "outsider">) => ({
  actor: world[who],
  orgId: world.org.orgId,
});

describe("API key actions", () => {
  it("an admin creates a key: secret returned once, only hash + prefix stored, limits kept", async () => {
    const created = await createKey(deps, scopeOf("admin"), {
      name: "  prod  ",
      creditLimitDollars: "12.5",
      rateLimitPerMinute: "60",
      expiresOn: "2999-01-31",
    });
    expect(created.secret).toMatch(/^sk-sy-v1-/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row).toMatchObject({
      orgId: world.org.orgId,
      name: "prod",
      keyHash: hashApiKey(created.secret),
      prefix: created.prefix,
      creditLimitNanos: 12_500_000_000n,
      rateLimitPerMinute: 60,
      createdBy: world.admin.userId,
    });
    expect(row?.expiresAt?.toISOString()).toBe("2999-01-31T23:59:59.999Z");
    expect(
      JSON.stringify(await listKeys(handle.db, world.org.orgId), (_k, v) =>
        typeof v === "bigint" ? String(v) : v,
      ),
    ).not.toContain(created.secret);
  });

  it.each([
    ["member", 403],
    ["outsider", 403],
  ] as const)("refuses key creation by a %s (%i)", async (who, status) => {
    const error = await createKey(deps, scopeOf(who), { name: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthzError);
    expect((error as AuthzError).status).toBe(status);
  });

  it("refuses a signed-out visitor with 401 and creates nothing", async () => {
    const before = (await listKeys(handle.db, world.org.orgId)).length;
    const error = await createKey(deps, { actor: null, orgId: world.org.orgId }, { name: "x" }).catch(
      (e: unknown) => e,
    );
    expect((error as AuthzError).status).toBe(401);
    expect((await listKeys(handle.db, world.org.orgId)).length).toBe(before);
  });

  it("validates limits and expiry with clear messages", async () => {
    await expect(createKey(deps, scopeOf("owner"), { name: "" })).rejects.toThrow(/name/);
    await expect(createKey(deps, scopeOf("owner"), { name: "a", creditLimitDollars: "-1" })).rejects.toThrow(
      UserError,
    );
    await expect(createKey(deps, scopeOf("owner"), { name: "a", rateLimitPerMinute: "1.5" })).rejects.toThrow(
      /whole number/,
    );
    await expect(createKey(deps, scopeOf("owner"), { name: "a", expiresOn: "2001-01-01" })).rejects.toThrow(
      /future/,
    );
  });

  it("disable / re-enable / delete publish the key hash on switchyard:invalidate", async () => {
    const created = await createKey(deps, scopeOf("owner"), { name: "rotate me" });
    const keyHash = hashApiKey(created.secret);
    await setKeyDisabled(deps, scopeOf("admin"), created.id, true);
    const [disabled] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(disabled?.disabled).toBe(true);
    await listener.waitFor((m) => m.type === "key" && m.keyHash === keyHash);
    await setKeyDisabled(deps, scopeOf("admin"), created.id, false);
    const [enabled] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(enabled?.disabled).toBe(false);
    const countBefore = listener.received.filter((m) => m.type === "key" && m.keyHash === keyHash).length;
    await deleteKey(deps, scopeOf("owner"), created.id);
    expect(await handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.id))).toEqual([]);
    const deadline = Date.now() + 5_000;
    while (
      listener.received.filter((m) => m.type === "key" && m.keyHash === keyHash).length <
      countBefore + 1
    ) {
      if (Date.now() > deadline) throw new Error("delete invalidation not received");
      await new Promise((r) => setTimeout(r, 20));
    }
  });

  it("cannot touch another org's key, even as owner there", async () => {
    const foreign = world.otherOrg.keyId;
    await expect(setKeyDisabled(deps, scopeOf("owner"), foreign, true)).rejects.toThrow(/does not exist/);
    await expect(deleteKey(deps, scopeOf("owner"), foreign)).rejects.toThrow(/does not exist/);
    await expect(
      setKeyDisabled(deps, { actor: world.outsider, orgId: world.org.orgId }, world.org.keyId, true),
    ).rejects.toBeInstanceOf(AuthzError);
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, foreign));
    expect(row?.disabled).toBe(false);
  });

  it("a member can list keys but not disable them", async () => {
    expect((await listKeys(handle.db, world.org.orgId)).length).toBeGreaterThan(0);
    await expect(setKeyDisabled(deps, scopeOf("member"), world.org.keyId, true)).rejects.toMatchObject({
      status: 403,
    });
  });
});
