import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "./auth/session.ts";
import { checkMembership, type Membership } from "./authz/check.ts";
import type { Role } from "./authz/roles.ts";
import { db } from "./db.ts";
import { AuthzError } from "./errors.ts";
import { listUserOrgs, type OrgSummary, pickCurrentOrg } from "./org/list-orgs.ts";

export type { Actor, Membership } from "./authz/check.ts";
export { AuthzError } from "./errors.ts";

/** Cookie holding the org the user switched to. */
export const ORG_COOKIE = "sy_org";

/**
 * The session-aware check used by pages, server actions and route handlers: the signed-in user
 * belongs to `orgId` with at least `minRole`. Throws AuthzError (401 signed out, 403 otherwise).
 */
export async function requireMembership(
  orgId: string | null | undefined,
  minRole: Role,
): Promise<Membership> {
  return checkMembership(db(), await getSessionUser(), orgId, minRole);
}

export interface PageContext {
  user: SessionUser;
  org: OrgSummary;
  orgs: OrgSummary[];
  membership: Membership;
}

/** The signed-in user's current org (cookie, else first), or null when signed out / orgless. */
export async function currentOrgContext(): Promise<{
  user: SessionUser;
  org: OrgSummary;
  orgs: OrgSummary[];
} | null> {
  const user = await getSessionUser();
  if (!user) return null;
  const orgs = await listUserOrgs(db(), user.userId);
  const org = pickCurrentOrg(orgs, (await cookies()).get(ORG_COOKIE)?.value);
  return org ? { user, org, orgs } : null;
}

/** For pages: the current org membership with `minRole`, or a redirect to /signin. */
export async function requirePage(minRole: Role = "member"): Promise<PageContext> {
  const context = await currentOrgContext();
  if (!context) redirect("/signin");
  try {
    const membership = await requireMembership(context.org.id, minRole);
    return { ...context, membership };
  } catch (error) {
    if (error instanceof AuthzError) redirect(error.status === 401 ? "/signin" : "/signin?error=forbidden");
    throw error;
  }
}

/** For server actions: who acts and on which org; services run `checkMembership` on it. */
export async function actionScope(): Promise<{ actor: SessionUser | null; orgId: string | null }> {
  const context = await currentOrgContext();
  if (!context) return { actor: await getSessionUser(), orgId: null };
  return { actor: context.user, orgId: context.org.id };
}

/** For route handlers: maps an AuthzError to a 401/403 JSON response. */
export function authzResponse(error: unknown): Response | null {
  if (!(error instanceof AuthzError)) return null;
  return Response.json(
    { error: { message: error.message, code: error.status === 401 ? "unauthorized" : "forbidden" } },
    { status: error.status },
  );
}
