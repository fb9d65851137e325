"use server";

import { signUp } from "../../../lib/auth/sign-up.ts";
import { db } from "../../../lib/db.ts";
import { formText, runAction } from "../../../lib/run-action.ts";
import type { ActionResult } from "../../../lib/service.ts";

export async function signUpAction(form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const result = await signUp(db(), {
      name: formText(form, "name"),
      email: formText(form, "email"),
      password: formText(form, "password"),
    });
    return { email: result.email };
  });
}
