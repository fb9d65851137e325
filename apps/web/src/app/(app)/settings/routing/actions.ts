"use server";

import type { OrgProviderPreferences } from "@switchyard/routing";
import { revalidatePath } from "next/cache";
import { actionScope } from "../../../../lib/authz.ts";
import { savePreferences } from "../../../../lib/preferences/save-preferences.ts";
import { runAction } from "../../../../lib/run-action.ts";
import { serverDeps } from "../../../../lib/server-deps.ts";
import type { ActionResult } from "../../../../lib/service.ts";

export async function savePreferencesAction(
  input: OrgProviderPreferences,
): Promise<ActionResult<OrgProviderPreferences>> {
  const result = await runAction(
    async () => savePreferences(serverDeps(), await actionScope(), input),
    "Routing preferences saved.",
  );
  revalidatePath("/settings/routing");
  return result;
}
