import { PERMISSIONS } from "../../../../lib/authz/permissions.ts";
import { authzResponse, currentOrgContext, requireMembership } from "../../../../lib/authz.ts";
import { db } from "../../../../lib/db.ts";
import { usageCsv } from "../../../../lib/usage/csv.ts";
import { usageRows } from "../../../../lib/usage/queries.ts";
import { isRangeKey, resolveRange } from "../../../../lib/usage/range.ts";

export const dynamic = "force-dynamic";

/** GET /api/usage/export?range=7d → text/csv of the current org's hourly usage. */
export async function GET(request: Request): Promise<Response> {
  const context = await currentOrgContext();
  try {
    const membership = await requireMembership(context?.org.id, PERMISSIONS.viewDashboard);
    const rangeParam = new URL(request.url).searchParams.get("range");
    const key = isRangeKey(rangeParam) ? rangeParam : "30d";
    const range = resolveRange(key, "hour");
    const csv = usageCsv(await usageRows(db(), membership.orgId, range));
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="switchyard-usage-${key}-${range.to.toISOString().slice(0, 10)}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const refusal = authzResponse(error);
    if (refusal) return refusal;
    throw error;
  }
}
