import { type Database, memberships, organizations } from "@switchyard/db";
import { asc, eq } from "drizzle-orm";
import type { Role } from "../authz/roles.ts";

export interface OrgSummary {
  id: string;
  name: string;
  role: Role;
}

export async function listUserOrgs(db: Pick<Database, "select">, userId: string): Promise<OrgSummary[]> {
  return db
    .select({ id: organizations.id, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(organizations.name));
}

/** The org the user picked (cookie) when they still belong to it, else their first org. */
export function pickCurrentOrg(
  orgs: OrgSummary[],
  preferredOrgId: string | undefined,
): OrgSummary | undefined {
  return orgs.find((org) => org.id === preferredOrgId) ?? orgs[0];
}
