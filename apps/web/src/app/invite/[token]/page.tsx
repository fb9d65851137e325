import Link from "next/link";
import { Icon } from "../../../components/shell/icon.tsx";
import { buttonClass } from "../../../components/ui/button.tsx";
import { getSessionUser } from "../../../lib/auth/session.ts";
import { db } from "../../../lib/db.ts";
import { describeInvite } from "../../../lib/members/invites.ts";
import { AcceptInviteButton } from "./accept-button.tsx";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, user] = await Promise.all([describeInvite({ db: db() }, token), getSessionUser()]);
  const back = encodeURIComponent(`/invite/${token}`);
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4">
      <span className="mb-8 flex items-center gap-2 text-lg font-semibold">
        <Icon name="logo" className="size-6 text-indigo-600" /> Switchyard
      </span>
      <div className="w-full max-w-sm rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        {!invite?.usable ? (
          <>
            <h1 className="text-lg font-semibold">This invite cannot be used</h1>
            <p className="mt-2 text-sm text-zinc-500">
              It is invalid, expired or already accepted. Ask for a new invite.
            </p>
          </>
        ) : (
          <>
            <h1 className="text-lg font-semibold">Join {invite.orgName}</h1>
            <p className="mt-2 mb-6 text-sm text-zinc-500 dark:text-zinc-400">
              {invite.email} is invited as{" "}
              <strong className="text-zinc-800 dark:text-zinc-200">{invite.role}</strong>.
            </p>
            {user ? (
              <AcceptInviteButton token={token} />
            ) : (
              <div className="flex flex-col gap-2">
                <Link className={buttonClass("primary")} href={`/signup?callbackUrl=${back}`}>
                  Create an account to join
                </Link>
                <Link className={buttonClass("secondary")} href={`/signin?callbackUrl=${back}`}>
                  Sign in
                </Link>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
