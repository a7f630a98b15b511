"use client";

import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useForm } from "@/components/ui/use-form";
import { problemOf } from "@/lib/trpc-client";

type Problem = "invalid" | "tooMany" | "deactivated" | "failed";

/** better-auth's refusal, by what the page says about it. */
class SignInRefused extends Error {
  constructor(readonly problem: Problem) {
    super(problem);
  }
}

const inputClass =
  "h-9 w-full rounded-md border border-input bg-background px-3 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

async function signIn(email: FormDataEntryValue | null, password: FormDataEntryValue | null): Promise<void> {
  const res = await fetch("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.ok) return;
  const body = (await res.json().catch(() => ({}))) as { code?: string };
  throw new SignInRefused(res.status === 429 ? "tooMany" : body.code === "BANNED_USER" ? "deactivated" : res.status === 401 ? "invalid" : "failed");
}

/** Email + password against better-auth's endpoint; on success a full load of `next` so the header shows the user. */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const form = useForm<true>();
  // Signed in, the page is leaving: the button stays busy.
  const busy = form.pending || form.done !== null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    form.reset();
    void form.run(
      async () => {
        await signIn(data.get("email"), data.get("password"));
        window.location.assign(next);
        return true;
      },
      { problem: (error) => problemOf(t(error instanceof SignInRefused ? error.problem : "failed")) },
    );
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" aria-describedby={form.problem ? "sign-in-error" : undefined}>
      <Field id="email" label={t("email")} size="md">
        {(control) => <input {...control} name="email" type="email" autoComplete="username" required maxLength={254} className={inputClass} />}
      </Field>
      <Field id="password" label={t("password")} size="md">
        {(control) => <input {...control} name="password" type="password" autoComplete="current-password" required maxLength={128} className={inputClass} />}
      </Field>
      {form.problem ? (
        <p id="sign-in-error" role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {form.problem.message}
        </p>
      ) : null}
      <Button type="submit" disabled={!form.ready || busy}>
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
