import type { ReactNode } from "react";
import { Icon } from "./icon.tsx";
import { MobileNav } from "./mobile-nav.tsx";
import { NavLinks } from "./nav-links.tsx";
import { OrgSwitcher } from "./org-switcher.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

interface ShellProps {
  user: { email: string | null; name: string | null };
  org: { id: string; name: string; role: string };
  orgs: { id: string; name: string; role: string }[];
  children: ReactNode;
}

export function AppShell({ user, org, orgs, children }: ShellProps) {
  const switcher = <OrgSwitcher orgs={orgs} currentId={org.id} />;
  const account = (
    <div className="flex items-center justify-between gap-2">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium">{user.name ?? user.email}</p>
        <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{user.email}</p>
      </div>
      <SignOutButton />
    </div>
  );
  return (
    <div className="min-h-screen">
      <aside className="fixed inset-y-0 left-0 hidden w-64 flex-col border-r border-zinc-200 bg-white px-4 py-5 lg:flex dark:border-zinc-800 dark:bg-zinc-950">
        <a href="/dashboard" className="mb-6 flex items-center gap-2 px-2 text-base font-semibold">
          <Icon name="logo" className="size-5 text-indigo-600" /> Switchyard
        </a>
        <div className="mb-6">{switcher}</div>
        <div className="flex-1 overflow-y-auto">
          <NavLinks />
        </div>
        <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">{account}</div>
      </aside>
      <MobileNav header={switcher} footer={account} />
      <main className="lg:pl-64">
        <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:px-8 lg:py-10">{children}</div>
      </main>
    </div>
  );
}
