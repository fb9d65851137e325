"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "../../../lib/auth/session.ts";
import { ORG_COOKIE } from "../../../lib/authz.ts";
import { db } from "../../../lib/db.ts";
import { acceptInvite } from "../../../lib/members/invites.ts";
import { runAction } from "../../../lib/run-action.ts";
import type { ActionResult } from "../../../lib/service.ts";

export async function acceptInviteAction(token: string): Promise<ActionResult<string>> {
  const actor = await getSessionUser();
  const result = await runAction(() => acceptInvite({ db: db() }, actor, token));
  if (!result.ok) return result;
  (await cookies()).set(ORG_COOKIE, result.data, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  redirect("/dashboard");
}
