"use client";

import type { OrgProviderPreferences, RoutingSort } from "@switchyard/routing";
import { useState, useTransition } from "react";
import { Button } from "../../../../components/ui/button.tsx";
import { Card, CardBody, CardHeader } from "../../../../components/ui/card.tsx";
import { Checkbox, FormMessage, Select } from "../../../../components/ui/field.tsx";
import type { ActionResult } from "../../../../lib/service.ts";
import { savePreferencesAction } from "./actions.ts";

const SORTS: { id: RoutingSort; label: string; description: string }[] = [
  {
    id: "balanced",
    label: "Balanced",
    description: "Spread load, favouring cheaper healthy providers (default).",
  },
  { id: "price", label: "Lowest price", description: "Always try the cheapest provider first." },
  { id: "latency", label: "Lowest latency", description: "Fastest time to first token first." },
  { id: "throughput", label: "Highest throughput", description: "Most tokens per second first." },
];

type Provider = { id: string; name: string };

function toggle(list: string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}

export function RoutingForm({
  initial,
  providers,
  canEdit,
}: {
  initial: OrgProviderPreferences;
  providers: Provider[];
  canEdit: boolean;
}) {
  const [prefs, setPrefs] = useState(initial);
  const [result, setResult] = useState<ActionResult<OrgProviderPreferences> | null>(null);
  const [pending, startTransition] = useTransition();
  const name = (id: string) => providers.find((p) => p.id === id)?.name ?? id;
  const move = (index: number, delta: number) => {
    const order = [...prefs.order];
    const [item] = order.splice(index, 1);
    if (item === undefined) return;
    order.splice(index + delta, 0, item);
    setPrefs({ ...prefs, order });
  };
  const available = providers.filter((p) => !prefs.order.includes(p.id));
  return (
    <form
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => setResult(await savePreferencesAction(prefs)));
      }}
    >
      <fieldset disabled={!canEdit || pending} className="space-y-6">
        <Card>
          <CardHeader
            title="Default sort"
            description="How providers are ordered when a request does not say."
          />
          <CardBody className="grid gap-2 sm:grid-cols-2">
            {SORTS.map((sort) => (
              <label
                key={sort.id}
                className={`cursor-pointer rounded-lg border p-3 ${prefs.sort === sort.id ? "border-indigo-600 ring-1 ring-indigo-600" : "border-zinc-200 dark:border-zinc-700"}`}
              >
                <input
                  type="radio"
                  name="sort"
                  value={sort.id}
                  checked={prefs.sort === sort.id}
                  onChange={() => setPrefs({ ...prefs, sort: sort.id })}
                  className="sr-only"
                />
                <span className="block text-sm font-medium">{sort.label}</span>
                <span className="block text-xs text-zinc-500">{sort.description}</span>
              </label>
            ))}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Preferred providers"
            description="Tried first, in this order. The rest follow by the default sort unless fallbacks are off."
          />
          <CardBody className="space-y-3">
            {prefs.order.length === 0 ? (
              <p className="text-sm text-zinc-500">No preferred providers.</p>
            ) : null}
            <ol className="space-y-2" data-testid="preferred-order">
              {prefs.order.map((id, index) => (
                <li
                  key={id}
                  className="flex items-center justify-between gap-2 rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-700"
                >
                  <span className="text-sm">
                    <span className="mr-2 tabular-nums text-zinc-400">{index + 1}.</span>
                    {name(id)}
                  </span>
                  <span className="flex gap-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Move ${name(id)} up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Move ${name(id)} down`}
                      disabled={index === prefs.order.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove ${name(id)}`}
                      onClick={() => setPrefs({ ...prefs, order: prefs.order.filter((x) => x !== id) })}
                    >
                      ✕
                    </Button>
                  </span>
                </li>
              ))}
            </ol>
            {available.length > 0 ? (
              <Select
                aria-label="Add a preferred provider"
                value=""
                onChange={(e) =>
                  e.target.value && setPrefs({ ...prefs, order: [...prefs.order, e.target.value] })
                }
                className="max-w-xs"
              >
                <option value="">Add a provider…</option>
                {available.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            ) : null}
            <Checkbox
              label="Allow fallbacks"
              description="When off, only the preferred providers (or the single best one) are tried."
              checked={prefs.allowFallbacks}
              onChange={(e) => setPrefs({ ...prefs, allowFallbacks: e.target.checked })}
            />
          </CardBody>
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title="Ignored providers" description="Never used." />
            <CardBody className="grid grid-cols-2 gap-1">
              {providers.map((p) => (
                <Checkbox
                  key={p.id}
                  label={p.name}
                  checked={prefs.ignoredProviders.includes(p.id)}
                  onChange={(e) =>
                    setPrefs({
                      ...prefs,
                      ignoredProviders: toggle(prefs.ignoredProviders, p.id, e.target.checked),
                    })
                  }
                />
              ))}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Allowed providers" description="When any are checked, only these are used." />
            <CardBody className="grid grid-cols-2 gap-1">
              {providers.map((p) => (
                <Checkbox
                  key={p.id}
                  label={p.name}
                  checked={prefs.allowedProviders.includes(p.id)}
                  onChange={(e) =>
                    setPrefs({
                      ...prefs,
                      allowedProviders: toggle(prefs.allowedProviders, p.id, e.target.checked),
                    })
                  }
                />
              ))}
            </CardBody>
          </Card>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!canEdit || pending}>
          {pending ? "Saving…" : "Save preferences"}
        </Button>
        {!canEdit ? (
          <span className="text-sm text-zinc-500">Changing routing needs the admin role.</span>
        ) : null}
      </div>
      <FormMessage result={result} />
    </form>
  );
}
