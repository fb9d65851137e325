import { type Database, memberships, newId, organizations, users } from "@switchyard/db";
import { eq } from "drizzle-orm";

/** Finds the user for an OAuth email, creating user + org + owner membership on first sign-in. */
export async function ensureOAuthUser(
  db: Database,
  input: { email: string; name: string | null },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return existing.id;
  const userId = newId("usr");
  const orgId = newId("org");
  const name = input.name?.trim() || email.split("@")[0] || "My";
  await db.transaction(async (tx) => {
    await tx.insert(users).values({ id: userId, email, name });
    await tx.insert(organizations).values({ id: orgId, name: `${name}'s org` });
    await tx.insert(memberships).values({ orgId, userId, role: "owner" });
  });
  return userId;
}
