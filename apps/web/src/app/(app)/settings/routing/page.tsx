import { providers } from "@switchyard/db";
import { asc } from "drizzle-orm";
import { PageHeader } from "../../../../components/ui/page-header.tsx";
import { PERMISSIONS } from "../../../../lib/authz/permissions.ts";
import { roleAtLeast } from "../../../../lib/authz/roles.ts";
import { requirePage } from "../../../../lib/authz.ts";
import { db } from "../../../../lib/db.ts";
import { getPreferences } from "../../../../lib/preferences/queries.ts";
import { RoutingForm } from "./routing-form.tsx";

export const metadata = { title: "Routing" };

export default async function RoutingPage() {
  const { org, membership } = await requirePage("member");
  const [prefs, providerRows] = await Promise.all([
    getPreferences(db(), org.id),
    db().select({ id: providers.id, name: providers.name }).from(providers).orderBy(asc(providers.name)),
  ]);
  return (
    <>
      <PageHeader
        title="Provider routing"
        description="Defaults for every request from this organization. A request's own provider object can narrow these."
      />
      <RoutingForm
        initial={prefs}
        providers={providerRows}
        canEdit={roleAtLeast(membership.role, PERMISSIONS.manageRouting)}
      />
    </>
  );
}
