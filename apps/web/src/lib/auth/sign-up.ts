import { type Database, memberships, newId, organizations, users } from "@switchyard/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { UserError } from "../errors.ts";
import { hashPassword, PASSWORD_MIN_LENGTH } from "./password.ts";

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(200, "That password is too long."),
});

export type SignUpInput = z.input<typeof signUpSchema>;

export interface SignUpResult {
  userId: string;
  orgId: string;
  email: string;
}

/** Creates the user, "<name>'s org" and the owner membership in one transaction. */
export async function signUp(db: Database, input: SignUpInput): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? "Invalid sign-up details.");
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const userId = newId("usr");
  const orgId = newId("org");
  try {
    await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (existing) throw new UserError("An account with this email already exists. Sign in instead.");
      await tx.insert(users).values({ id: userId, email, name, passwordHash });
      await tx.insert(organizations).values({ id: orgId, name: `${name}'s org` });
      await tx.insert(memberships).values({ orgId, userId, role: "owner" });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new UserError("An account with this email already exists. Sign in instead.");
    throw error;
  }
  return { userId, orgId, email };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code;
  const causeCode = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === "23505" || causeCode === "23505";
}
