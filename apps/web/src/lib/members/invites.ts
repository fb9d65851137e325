import { createHash } from "node:crypto";
import { invites, memberships, newId, organizations, randomToken, users } from "@switchyard/db";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../authz/check.ts";
import { checkMembership } from "../authz/check.ts";
import { PERMISSIONS } from "../authz/permissions.ts";
import { AuthzError, UserError } from "../errors.ts";
import type { Scope, ServiceDeps } from "../service.ts";

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  role: z.enum(["owner", "admin", "member"]),
});

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Invites an email to the org (admin; owner to invite an owner). The link carries the only copy of the token. */
export async function createInvite(
  deps: ServiceDeps,
  scope: Scope,
  input: z.input<typeof inviteSchema>,
  baseUrl: string,
  now = new Date(),
): Promise<{ id: string; url: string; email: string }> {
  const parsed = inviteSchema.safeParse(input);
  const membership = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageMembers);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid invite.");
  if (parsed.data.role === "owner")
    await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageOwners);
  const [already] = await deps.db
    .select({ userId: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, membership.orgId)))
    .where(eq(users.email, parsed.data.email));
  if (already) throw new UserError(`${parsed.data.email} is already a member.`);
  const token = randomToken(32);
  const id = newId("inv");
  await deps.db.insert(invites).values({
    id,
    orgId: membership.orgId,
    email: parsed.data.email,
    role: parsed.data.role,
    tokenHash: hashToken(token),
    invitedBy: membership.userId,
    expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
  });
  return { id, email: parsed.data.email, url: `${baseUrl.replace(/\/$/, "")}/invite/${token}` };
}

/** What the invite page shows before accepting. */
export async function describeInvite(deps: Pick<ServiceDeps, "db">, token: string, now = new Date()) {
  const [row] = await deps.db
    .select({
      email: invites.email,
      role: invites.role,
      orgName: organizations.name,
      expiresAt: invites.expiresAt,
      acceptedAt: invites.acceptedAt,
    })
    .from(invites)
    .innerJoin(organizations, eq(organizations.id, invites.orgId))
    .where(eq(invites.tokenHash, hashToken(token)));
  if (!row) return null;
  return { ...row, usable: !row.acceptedAt && row.expiresAt > now };
}

/** Accepts an invite as the signed-in user, whose email must match the invited one. Returns the org id. */
export async function acceptInvite(
  deps: Pick<ServiceDeps, "db">,
  actor: Actor | null,
  token: string,
  now = new Date(),
): Promise<string> {
  if (!actor) throw new AuthzError(401, "Sign in to accept the invite.");
  return deps.db.transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(invites)
      .where(eq(invites.tokenHash, hashToken(token)))
      .for("update");
    if (!invite) throw new UserError("This invite link is not valid.");
    if (invite.acceptedAt) throw new UserError("This invite has already been used.");
    if (invite.expiresAt <= now) throw new UserError("This invite has expired. Ask for a new one.");
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
    if (!user || user.email.toLowerCase() !== invite.email.toLowerCase()) {
      throw new AuthzError(403, `This invite is for ${invite.email}. Sign in with that email to accept it.`);
    }
    await tx
      .insert(memberships)
      .values({ orgId: invite.orgId, userId: actor.userId, role: invite.role })
      .onConflictDoNothing();
    await tx
      .update(invites)
      .set({ acceptedAt: now })
      .where(and(eq(invites.id, invite.id), isNull(invites.acceptedAt)));
    return invite.orgId;
  });
}

/** Withdraws a pending invite (admin). */
export async function revokeInvite(deps: ServiceDeps, scope: Scope, inviteId: string): Promise<void> {
  const { orgId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.manageMembers);
  const rows = await deps.db
    .delete(invites)
    .where(and(eq(invites.id, inviteId), eq(invites.orgId, orgId), isNull(invites.acceptedAt)))
    .returning({ id: invites.id });
  if (rows.length === 0) throw new UserError("That invite no longer exists.");
}
