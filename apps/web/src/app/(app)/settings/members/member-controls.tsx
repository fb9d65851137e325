"use client";

import { useState, useTransition } from "react";
import { Button } from "../../../../components/ui/button.tsx";
import { inputClass } from "../../../../components/ui/field.tsx";
import { changeRoleAction, removeMemberAction, revokeInviteAction } from "./actions.ts";

type Result = { ok: boolean; error?: string };

function useRunner() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const run = (fn: () => Promise<Result>) =>
    startTransition(async () => {
      const result = await fn();
      setError(result.ok ? undefined : result.error);
    });
  return { pending, error, run };
}

export function MemberControls({
  userId,
  role,
  isSelf,
  canOwn,
}: {
  userId: string;
  role: string;
  isSelf: boolean;
  canOwn: boolean;
}) {
  const { pending, error, run } = useRunner();
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
      <select
        aria-label="Role"
        className={`${inputClass} w-28 py-1`}
        value={role}
        disabled={pending || (role === "owner" && !canOwn)}
        onChange={(e) => run(() => changeRoleAction(userId, e.target.value))}
      >
        <option value="member">member</option>
        <option value="admin">admin</option>
        {canOwn || role === "owner" ? <option value="owner">owner</option> : null}
      </select>
      <Button
        variant="danger"
        size="sm"
        disabled={pending || (role === "owner" && !canOwn)}
        onClick={() => {
          if (window.confirm(isSelf ? "Leave this organization?" : "Remove this member?"))
            run(() => removeMemberAction(userId));
        }}
      >
        {isSelf ? "Leave" : "Remove"}
      </Button>
    </div>
  );
}

export function RevokeInviteButton({ inviteId }: { inviteId: string }) {
  const { pending, error, run } = useRunner();
  return (
    <span className="flex items-center justify-end gap-2">
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        onClick={() => run(() => revokeInviteAction(inviteId))}
      >
        Revoke
      </Button>
    </span>
  );
}
