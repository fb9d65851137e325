"use client";

import { useState, useTransition } from "react";
import { Button } from "../../../components/ui/button.tsx";
import { deleteKeyAction, setKeyDisabledAction } from "./actions.ts";

export function KeyActions({ keyId, name, disabled }: { keyId: string; name: string; disabled: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      const result = await fn();
      setError(result.ok ? undefined : result.error);
    });
  return (
    <div className="flex items-center justify-end gap-2">
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => run(() => setKeyDisabledAction(keyId, !disabled))}
      >
        {disabled ? "Enable" : "Disable"}
      </Button>
      <Button
        variant="danger"
        size="sm"
        disabled={pending}
        onClick={() => {
          if (window.confirm(`Delete key “${name}”? Requests using it will fail at once.`))
            run(() => deleteKeyAction(keyId));
        }}
      >
        Delete
      </Button>
    </div>
  );
}
