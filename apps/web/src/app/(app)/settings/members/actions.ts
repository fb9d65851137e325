"use server";

import { revalidatePath } from "next/cache";
import { env } from "../../../../env.ts";
import { actionScope } from "../../../../lib/authz.ts";
import { createInvite, revokeInvite } from "../../../../lib/members/invites.ts";
import { changeRole, removeMember } from "../../../../lib/members/roles.ts";
import { formText, runAction } from "../../../../lib/run-action.ts";
import { serverDeps } from "../../../../lib/server-deps.ts";
import type { ActionResult } from "../../../../lib/service.ts";

export async function inviteAction(
  _previous: ActionResult<{ url: string; email: string }> | null,
  form: FormData,
): Promise<ActionResult<{ url: string; email: string }>> {
  const result = await runAction(async () => {
    const invite = await createInvite(
      serverDeps(),
      await actionScope(),
      { email: formText(form, "email"), role: formText(form, "role") as "member" },
      env().NEXTAUTH_URL,
    );
    return { url: invite.url, email: invite.email };
  });
  revalidatePath("/settings/members");
  return result;
}

export async function changeRoleAction(userId: string, role: string): Promise<ActionResult<void>> {
  const result = await runAction(async () => changeRole(serverDeps(), await actionScope(), userId, role));
  revalidatePath("/settings/members");
  return result;
}

export async function removeMemberAction(userId: string): Promise<ActionResult<void>> {
  const result = await runAction(async () => removeMember(serverDeps(), await actionScope(), userId));
  revalidatePath("/settings/members");
  return result;
}

export async function revokeInviteAction(inviteId: string): Promise<ActionResult<void>> {
  const result = await runAction(async () => revokeInvite(serverDeps(), await actionScope(), inviteId));
  revalidatePath("/settings/members");
  return result;
}
