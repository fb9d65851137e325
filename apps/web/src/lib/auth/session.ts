import { getServerSession } from "next-auth";
import type { Actor } from "../authz/check.ts";
import { authOptions } from "./options.ts";

export interface SessionUser extends Actor {
  email: string | null;
  name: string | null;
}

/** The signed-in user from the next-auth JWT, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  return { userId: id, email: session.user.email ?? null, name: session.user.name ?? null };
}
