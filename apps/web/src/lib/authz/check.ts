import { type Database, memberships } from "@switchyard/db";
import { and, eq } from "drizzle-orm";
import { AuthzError } from "../errors.ts";
import { type Role, roleAtLeast } from "./roles.ts";

/** Who is acting: the signed-in user, from the session. */
export interface Actor {
  userId: string;
}

export interface Membership {
  orgId: string;
  userId: string;
  role: Role;
}

/**
 * The one authorization check: the actor is signed in, belongs to `orgId`, and has at least
 * `minRole` there. Throws AuthzError(401) when signed out, AuthzError(403) otherwise.
 */
export async function checkMembership(
  db: Pick<Database, "select">,
  actor: Actor | null | undefined,
  orgId: string | null | undefined,
  minRole: Role,
): Promise<Membership> {
  if (!actor?.userId) throw new AuthzError(401, "Sign in to continue.");
  if (!orgId) throw new AuthzError(403, "You are not a member of this organization.");
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, actor.userId)));
  if (!row) throw new AuthzError(403, "You are not a member of this organization.");
  if (!roleAtLeast(row.role, minRole)) {
    throw new AuthzError(
      403,
      `This needs the ${minRole} role; you are ${row.role === "admin" ? "an" : "a"} ${row.role}.`,
    );
  }
  return { orgId, userId: actor.userId, role: row.role };
}
