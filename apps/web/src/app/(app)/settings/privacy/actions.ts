"use server";

import { loadCatalog } from "@switchyard/db";
import type { OrgDataPolicy } from "@switchyard/routing";
import { revalidatePath } from "next/cache";
import { checkMembership } from "../../../../lib/authz/check.ts";
import { PERMISSIONS } from "../../../../lib/authz/permissions.ts";
import { actionScope } from "../../../../lib/authz.ts";
import { type PolicyPreview, previewPolicy } from "../../../../lib/policy-preview.ts";
import { getPreferences } from "../../../../lib/preferences/queries.ts";
import { saveDataPolicy } from "../../../../lib/privacy/save-data-policy.ts";
import { runAction } from "../../../../lib/run-action.ts";
import { serverDeps } from "../../../../lib/server-deps.ts";
import type { ActionResult } from "../../../../lib/service.ts";

export async function saveDataPolicyAction(input: OrgDataPolicy): Promise<ActionResult<OrgDataPolicy>> {
  const result = await runAction(
    async () => saveDataPolicy(serverDeps(), await actionScope(), input),
    "Data policy saved.",
  );
  revalidatePath("/settings/privacy");
  return result;
}

/** Which models the proposed rules leave without any endpoint (the org's routing preferences included). */
export async function previewDataPolicyAction(input: OrgDataPolicy): Promise<ActionResult<PolicyPreview>> {
  return runAction(async () => {
    const deps = serverDeps();
    const scope = await actionScope();
    const { orgId } = await checkMembership(deps.db, scope.actor, scope.orgId, PERMISSIONS.viewDashboard);
    const [catalog, preferences] = await Promise.all([loadCatalog(deps.db), getPreferences(deps.db, orgId)]);
    return previewPolicy(catalog, input, preferences);
  });
}
