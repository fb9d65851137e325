import { type Database, users } from "@switchyard/db";
import { eq } from "drizzle-orm";
import { hashPassword, verifyPassword } from "./password.ts";
import { type LoginLimiter, loginLimitKey } from "./rate-limit.ts";

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
}

export type CredentialsResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; error: "invalid_credentials" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

/** A real hash to compare against when the email is unknown, so both paths cost the same. */
let decoyHash: Promise<string> | undefined;

/** Checks an email + password, refusing (before any hashing) keys over the failure limit. */
export async function verifyCredentials(
  db: Pick<Database, "select">,
  limiter: LoginLimiter,
  input: { email: string; password: string; ip: string },
): Promise<CredentialsResult> {
  const email = input.email.trim().toLowerCase();
  const key = loginLimitKey(email, input.ip);
  const wait = await limiter.retryAfter(key);
  if (wait > 0) return { ok: false, error: "rate_limited", retryAfterSeconds: wait };

  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  decoyHash ??= hashPassword("decoy password for unknown accounts");
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
  if (!user?.passwordHash || !valid) {
    await limiter.recordFailure(key);
    return { ok: false, error: "invalid_credentials" };
  }
  await limiter.reset(key);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
