"use client";

import type { OrgDataPolicy } from "@switchyard/routing";
import { useEffect, useMemo, useState, useTransition } from "react";
import { Badge } from "../../../../components/ui/badge.tsx";
import { Button } from "../../../../components/ui/button.tsx";
import { Card, CardBody, CardHeader } from "../../../../components/ui/card.tsx";
import { Checkbox, FormMessage, Select } from "../../../../components/ui/field.tsx";
import type { PolicyPreview } from "../../../../lib/policy-preview.ts";
import type { ActionResult } from "../../../../lib/service.ts";
import { previewDataPolicyAction, saveDataPolicyAction } from "./actions.ts";

type Provider = {
  id: string;
  name: string;
  region: string;
  trainsOnPrompts: boolean;
  retainsPrompts: boolean;
  zdr: boolean;
};

function toggle(list: string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}

export function PrivacyForm({
  initial,
  providers,
  models,
  canEdit,
}: {
  initial: OrgDataPolicy;
  providers: Provider[];
  models: { id: string; name: string }[];
  canEdit: boolean;
}) {
  const [policy, setPolicy] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [preview, setPreview] = useState<PolicyPreview | null>(null);
  const [result, setResult] = useState<ActionResult<OrgDataPolicy> | null>(null);
  const [pending, startTransition] = useTransition();
  const regions = useMemo(() => [...new Set(providers.map((p) => p.region))].sort(), [providers]);
  const dirty = JSON.stringify(policy) !== JSON.stringify(saved);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const r = await previewDataPolicyAction(policy);
      if (!cancelled && r.ok) setPreview(r.data);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [policy]);

  return (
    <form
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const r = await saveDataPolicyAction(policy);
          setResult(r);
          if (r.ok) {
            setPolicy(r.data);
            setSaved(r.data);
          }
        });
      }}
    >
      <div className="grid gap-6 lg:grid-cols-3">
        <fieldset disabled={!canEdit || pending} className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Provider data handling" />
            <CardBody className="space-y-1">
              <Checkbox
                name="denyTraining"
                label="Deny providers that train on prompts"
                description={`Excludes ${
                  providers
                    .filter((p) => p.trainsOnPrompts)
                    .map((p) => p.name)
                    .join(", ") || "none"
                }.`}
                checked={policy.denyTraining}
                onChange={(e) => setPolicy({ ...policy, denyTraining: e.target.checked })}
              />
              <Checkbox
                name="denyRetention"
                label="Deny providers that retain prompts"
                description="Only providers that do not store prompts after the request."
                checked={policy.denyRetention}
                onChange={(e) => setPolicy({ ...policy, denyRetention: e.target.checked })}
              />
              <Checkbox
                name="zdrOnly"
                label="Zero data retention only"
                description="Only endpoints with a zero-data-retention agreement."
                checked={policy.zdrOnly}
                onChange={(e) => setPolicy({ ...policy, zdrOnly: e.target.checked })}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Allowed regions"
              description="When any are checked, inference runs only there."
            />
            <CardBody className="flex flex-wrap gap-2">
              {regions.map((region) => (
                <Checkbox
                  key={region}
                  label={region.toUpperCase()}
                  checked={policy.allowedRegions.includes(region)}
                  onChange={(e) =>
                    setPolicy({
                      ...policy,
                      allowedRegions: toggle(policy.allowedRegions, region, e.target.checked),
                    })
                  }
                />
              ))}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Blocked providers" />
            <CardBody className="grid grid-cols-2 gap-1">
              {providers.map((p) => (
                <Checkbox
                  key={p.id}
                  label={p.name}
                  checked={policy.blockedProviders.includes(p.id)}
                  onChange={(e) =>
                    setPolicy({
                      ...policy,
                      blockedProviders: toggle(policy.blockedProviders, p.id, e.target.checked),
                    })
                  }
                />
              ))}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Blocked models" />
            <CardBody className="space-y-3">
              <div className="flex flex-wrap gap-2">
                {policy.blockedModels.length === 0 ? (
                  <span className="text-sm text-zinc-500">None.</span>
                ) : null}
                {policy.blockedModels.map((id) => (
                  <button
                    key={id}
                    type="button"
                    onClick={() =>
                      setPolicy({ ...policy, blockedModels: policy.blockedModels.filter((m) => m !== id) })
                    }
                    className="rounded-md bg-zinc-100 px-2 py-1 text-xs hover:bg-red-50 hover:text-red-700 dark:bg-zinc-800"
                  >
                    {id} ✕
                  </button>
                ))}
              </div>
              <Select
                aria-label="Block a model"
                value=""
                onChange={(e) =>
                  e.target.value &&
                  setPolicy({ ...policy, blockedModels: [...policy.blockedModels, e.target.value] })
                }
                className="max-w-sm"
              >
                <option value="">Block a model…</option>
                {models
                  .filter((m) => !policy.blockedModels.includes(m.id))
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.id}
                    </option>
                  ))}
              </Select>
            </CardBody>
          </Card>
        </fieldset>
        <div className="lg:col-span-1">
          <Card className="lg:sticky lg:top-6">
            <CardHeader title="Impact preview" description={dirty ? "Unsaved changes" : "Current rules"} />
            <CardBody data-testid="policy-preview">
              {!preview ? (
                <p className="text-sm text-zinc-500">Checking models…</p>
              ) : preview.unavailable.length === 0 ? (
                <p className="text-sm text-emerald-700 dark:text-emerald-400">
                  All {preview.totalModels} models stay available.
                </p>
              ) : (
                <>
                  <p className="mb-3 text-sm">
                    <strong>{preview.unavailable.length}</strong> of {preview.totalModels} models become
                    unavailable:
                  </p>
                  <ul className="max-h-96 space-y-2 overflow-y-auto">
                    {preview.unavailable.map((m) => (
                      <li key={m.modelId} className="text-sm" data-testid="unavailable-model">
                        <span className="font-medium">{m.modelId}</span>
                        <span className="ml-1">
                          <Badge tone="red">{m.code.replaceAll("_", " ")}</Badge>
                        </span>
                        <span className="block text-xs text-zinc-500">{m.reason}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!canEdit || pending || !dirty}>
          {pending ? "Saving…" : "Save data policy"}
        </Button>
        {!canEdit ? (
          <span className="text-sm text-zinc-500">Changing the data policy needs the admin role.</span>
        ) : null}
      </div>
      <FormMessage result={result} />
    </form>
  );
}
