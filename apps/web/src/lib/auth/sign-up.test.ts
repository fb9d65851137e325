import { randomUUID } from "node:crypto";
import { memberships, organizations, users } from "@switchyard/db";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDb } from "../../../test/fixtures.ts";
import { UserError } from "../errors.ts";
import { verifyCredentials } from "./credentials.ts";
import { memoryLoginLimiter } from "./rate-limit.ts";
import { signUp } from "./sign-up.ts";

const handle = openTestDb();
afterAll(() => handle.close());

const uniqueEmail = () => `ada-${randomUUID()}@example.com`;

describe("sign up", () => {
  it("creates the user, <name>'s org and an owner membership", async () => {
    const email = uniqueEmail();
    const result = await signUp(handle.db, {
      name: "Ada",
      email: email.toUpperCase(),
      password: "analytical-engine",
    });
    expect(result.userId).toMatch(/^usr_/);
    expect(result.orgId).toMatch(/^org_/);
    const [user] = await handle.db.select().from(users).where(eq(users.id, result.userId));
    expect(user?.email).toBe(email);
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, result.orgId));
    expect(org?.name).toBe("Ada's org");
    const rows = await handle.db.select().from(memberships).where(eq(memberships.userId, result.userId));
    expect(rows).toEqual([expect.objectContaining({ orgId: result.orgId, role: "owner" })]);
  });

  it("refuses a duplicate email with a clear message and creates nothing", async () => {
    const email = uniqueEmail();
    await signUp(handle.db, { name: "Ada", email, password: "analytical-engine" });
    // A name no other suite uses: they create orgs in the same database at the same time.
    const name = `Eve ${randomUUID()}`;
    await expect(signUp(handle.db, { name, email, password: "another-password" })).rejects.toThrow(
      /already exists/,
    );
    expect(
      await handle.db
        .select()
        .from(organizations)
        .where(eq(organizations.name, `${name}'s org`)),
    ).toEqual([]);
    expect(await handle.db.select().from(users).where(eq(users.name, name))).toEqual([]);
  });

  it("validates name, email and password length", async () => {
    await expect(
      signUp(handle.db, { name: "", email: uniqueEmail(), password: "longenough" }),
    ).rejects.toThrow(UserError);
    await expect(
      signUp(handle.db, { name: "A", email: "not-an-email", password: "longenough" }),
    ).rejects.toThrow(/valid email/);
    await expect(signUp(handle.db, { name: "A", email: uniqueEmail(), password: "short" })).rejects.toThrow(
      /8 characters/,
    );
  });
});

describe("sign in with credentials", () => {
  it("accepts the right password (any email case) and refuses a wrong one", async () => {
    const email = uniqueEmail();
    const { userId } = await signUp(handle.db, { name: "Ada", email, password: "analytical-engine" });
    const limiter = memoryLoginLimiter();
    const ok = await verifyCredentials(handle.db, limiter, {
      email: email.toUpperCase(),
      password: "analytical-engine",
      ip: "1.1.1.1",
    });
    expect(ok).toEqual({ ok: true, user: { id: userId, email, name: "Ada" } });
    const bad = await verifyCredentials(handle.db, limiter, {
      email,
      password: "wrong-password",
      ip: "1.1.1.1",
    });
    expect(bad).toEqual({ ok: false, error: "invalid_credentials" });
    const unknown = await verifyCredentials(handle.db, limiter, {
      email: uniqueEmail(),
      password: "x",
      ip: "1.1.1.1",
    });
    expect(unknown).toEqual({ ok: false, error: "invalid_credentials" });
  });

  it("rate-limits after 5 failures even when the 6th password is right", async () => {
    const email = uniqueEmail();
    await signUp(handle.db, { name: "Ada", email, password: "analytical-engine" });
    const limiter = memoryLoginLimiter({ maxFailures: 5, windowSeconds: 300 });
    for (let i = 0; i < 5; i++) {
      await verifyCredentials(handle.db, limiter, { email, password: `guess-${i}`, ip: "2.2.2.2" });
    }
    const blocked = await verifyCredentials(handle.db, limiter, {
      email,
      password: "analytical-engine",
      ip: "2.2.2.2",
    });
    expect(blocked).toMatchObject({ ok: false, error: "rate_limited" });
    const otherIp = await verifyCredentials(handle.db, limiter, {
      email,
      password: "analytical-engine",
      ip: "3.3.3.3",
    });
    expect(otherIp.ok).toBe(true);
  });
});
