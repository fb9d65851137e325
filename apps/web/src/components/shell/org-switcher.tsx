"use client";

import { useTransition } from "react";
import { switchOrgAction } from "../../app/(app)/actions.ts";
import { inputClass } from "../ui/field.tsx";

export function OrgSwitcher({
  orgs,
  currentId,
}: {
  orgs: { id: string; name: string; role: string }[];
  currentId: string;
}) {
  const [pending, startTransition] = useTransition();
  const current = orgs.find((o) => o.id === currentId);
  if (orgs.length < 2) {
    return (
      <div className="rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <p className="truncate text-sm font-medium">{current?.name}</p>
        <p className="text-xs capitalize text-zinc-500 dark:text-zinc-400">{current?.role}</p>
      </div>
    );
  }
  return (
    <label className="block">
      <span className="sr-only">Organization</span>
      <select
        aria-label="Switch organization"
        className={inputClass}
        value={currentId}
        disabled={pending}
        onChange={(event) => {
          const orgId = event.target.value;
          startTransition(() => switchOrgAction(orgId));
        }}
      >
        {orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name} ({org.role})
          </option>
        ))}
      </select>
    </label>
  );
}
