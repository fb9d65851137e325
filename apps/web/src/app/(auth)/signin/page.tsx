import Link from "next/link";
import { redirect } from "next/navigation";
import { env } from "../../../env.ts";
import { getSessionUser } from "../../../lib/auth/session.ts";
import { SignInForm } from "./signin-form.tsx";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const NOTICES: Record<string, string> = {
  forbidden: "You do not have access to that page in this organization.",
  no_org: "Your account does not belong to any organization yet.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string }>;
}) {
  const params = await searchParams;
  const user = await getSessionUser();
  if (user && !params.error) redirect("/dashboard");
  const notice = params.error ? (NOTICES[params.error] ?? params.error) : undefined;
  const callbackUrl = params.callbackUrl?.startsWith("/") ? params.callbackUrl : "/dashboard";
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">Welcome back.</p>
      <SignInForm
        notice={notice}
        callbackUrl={callbackUrl}
        github={Boolean(env().GITHUB_ID && env().GITHUB_SECRET)}
      />
      <p className="mt-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
        New here?{" "}
        <Link href="/signup" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Create an account
        </Link>
      </p>
    </>
  );
}
