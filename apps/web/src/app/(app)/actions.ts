"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ORG_COOKIE, requireMembership } from "../../lib/authz.ts";
import { AuthzError } from "../../lib/errors.ts";

/** Switches the current org after checking the user belongs to it. */
export async function switchOrgAction(orgId: string): Promise<void> {
  try {
    await requireMembership(orgId, "member");
  } catch (error) {
    if (error instanceof AuthzError) redirect(error.status === 401 ? "/signin" : "/dashboard");
    throw error;
  }
  (await cookies()).set(ORG_COOKIE, orgId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  redirect("/dashboard");
}
