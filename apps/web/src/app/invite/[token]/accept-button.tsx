"use client";

import { useState, useTransition } from "react";
import { Button } from "../../../components/ui/button.tsx";
import { FormMessage } from "../../../components/ui/field.tsx";
import { acceptInviteAction } from "./actions.ts";

export function AcceptInviteButton({ token }: { token: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="space-y-3">
      <FormMessage result={error ? { ok: false, error } : null} />
      <Button
        className="w-full"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptInviteAction(token);
            if (result && !result.ok) setError(result.error);
          })
        }
      >
        {pending ? "Joining…" : "Accept invite"}
      </Button>
    </div>
  );
}
