"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "../../../components/ui/button.tsx";
import { Field, FormMessage, Input } from "../../../components/ui/field.tsx";
import { signUpAction } from "./actions.ts";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <form
      className="mt-6 space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        setError(undefined);
        const result = await signUpAction(form);
        if (!result.ok) {
          setPending(false);
          setError(result.error);
          return;
        }
        const signedIn = await signIn("credentials", {
          email: result.data.email,
          password: String(form.get("password") ?? ""),
          redirect: false,
        });
        setPending(false);
        if (!signedIn || signedIn.error) {
          router.push("/signin");
          return;
        }
        router.push(callbackUrl);
        router.refresh();
      }}
    >
      <FormMessage result={error ? { ok: false, error } : null} />
      <Field label="Name" htmlFor="name">
        <Input id="name" name="name" autoComplete="name" required maxLength={80} />
      </Field>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label="Password" htmlFor="password" hint="At least 8 characters.">
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
