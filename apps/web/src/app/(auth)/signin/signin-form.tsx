"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "../../../components/ui/button.tsx";
import { Field, FormMessage, Input } from "../../../components/ui/field.tsx";

export function SignInForm({
  notice,
  callbackUrl,
  github,
}: {
  notice?: string;
  callbackUrl: string;
  github: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(notice);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="mt-6 space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        setError(undefined);
        const result = await signIn("credentials", {
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          redirect: false,
        });
        setPending(false);
        if (!result || result.error) {
          setError(
            result?.error && result.error !== "CredentialsSignin"
              ? result.error
              : "Invalid email or password.",
          );
          return;
        }
        router.push(callbackUrl);
        router.refresh();
      }}
    >
      <FormMessage result={error ? { ok: false, error } : null} />
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {github ? (
        <Button variant="secondary" className="w-full" onClick={() => signIn("github", { callbackUrl })}>
          Continue with GitHub
        </Button>
      ) : null}
    </form>
  );
}
