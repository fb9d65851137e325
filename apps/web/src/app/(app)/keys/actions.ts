"use server";

import { revalidatePath } from "next/cache";
import { actionScope } from "../../../lib/authz.ts";
import { deleteKey, setKeyDisabled } from "../../../lib/keys/change-key.ts";
import { type CreatedKey, createKey } from "../../../lib/keys/create-key.ts";
import { formText, runAction } from "../../../lib/run-action.ts";
import { serverDeps } from "../../../lib/server-deps.ts";
import type { ActionResult } from "../../../lib/service.ts";

export async function createKeyAction(
  _previous: ActionResult<CreatedKey> | null,
  form: FormData,
): Promise<ActionResult<CreatedKey>> {
  const result = await runAction(async () =>
    createKey(serverDeps(), await actionScope(), {
      name: formText(form, "name"),
      creditLimitDollars: formText(form, "creditLimit"),
      rateLimitPerMinute: formText(form, "rateLimit"),
      expiresOn: formText(form, "expiresOn"),
    }),
  );
  if (result.ok) revalidatePath("/keys");
  return result;
}

export async function setKeyDisabledAction(keyId: string, disabled: boolean): Promise<ActionResult<void>> {
  const result = await runAction(async () =>
    setKeyDisabled(serverDeps(), await actionScope(), keyId, disabled),
  );
  revalidatePath("/keys");
  return result;
}

export async function deleteKeyAction(keyId: string): Promise<ActionResult<void>> {
  const result = await runAction(async () => deleteKey(serverDeps(), await actionScope(), keyId));
  revalidatePath("/keys");
  return result;
}
