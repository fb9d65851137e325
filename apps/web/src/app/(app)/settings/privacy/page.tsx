import { models, providers } from "@switchyard/db";
import { asc } from "drizzle-orm";
import { PageHeader } from "../../../../components/ui/page-header.tsx";
import { PERMISSIONS } from "../../../../lib/authz/permissions.ts";
import { roleAtLeast } from "../../../../lib/authz/roles.ts";
import { requirePage } from "../../../../lib/authz.ts";
import { db } from "../../../../lib/db.ts";
import { getDataPolicy } from "../../../../lib/preferences/queries.ts";
import { PrivacyForm } from "./privacy-form.tsx";

export const metadata = { title: "Data policy" };

export default async function PrivacyPage() {
  const { org, membership } = await requirePage("member");
  const [policy, providerRows, modelRows] = await Promise.all([
    getDataPolicy(db(), org.id),
    db()
      .select({
        id: providers.id,
        name: providers.name,
        region: providers.region,
        trainsOnPrompts: providers.trainsOnPrompts,
        retainsPrompts: providers.retainsPrompts,
        zdr: providers.zdr,
      })
      .from(providers)
      .orderBy(asc(providers.name)),
    db().select({ id: models.id, name: models.name }).from(models).orderBy(asc(models.id)),
  ]);
  return (
    <>
      <PageHeader
        title="Data policy"
        description="Rules every request from this organization follows. A request can make them stricter, never looser."
      />
      <PrivacyForm
        initial={policy}
        providers={providerRows}
        models={modelRows}
        canEdit={roleAtLeast(membership.role, PERMISSIONS.manageDataPolicy)}
      />
    </>
  );
}
