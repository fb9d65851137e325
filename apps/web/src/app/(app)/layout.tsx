import type { ReactNode } from "react";
import { AppShell } from "../../components/shell/app-shell.tsx";
import { requirePage } from "../../lib/authz.ts";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, org, orgs } = await requirePage("member");
  return (
    <AppShell user={user} org={org} orgs={orgs}>
      {children}
    </AppShell>
  );
}
