"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

type Problem = "invalid" | "tooMany" | "deactivated" | "failed";

const inputClass =
  "h-9 w-full rounded-md border border-input bg-background px-3 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** Email + password against better-auth's endpoint; on success a full load of `next` so the header shows the user. */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setProblem(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (res.ok) {
        window.location.assign(next);
        return;
      }
      const body = (await res.json().catch(() => ({}))) as { code?: string };
      setProblem(
        res.status === 429 ? "tooMany" : body.code === "BANNED_USER" ? "deactivated" : res.status === 401 ? "invalid" : "failed",
      );
    } catch {
      setProblem("failed");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" aria-describedby={problem ? "sign-in-error" : undefined}>
      <div className="grid gap-1.5">
        <label htmlFor="email" className="text-sm font-medium">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} className={inputClass} />
      </div>
      <div className="grid gap-1.5">
        <label htmlFor="password" className="text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={128}
          className={inputClass}
        />
      </div>
      {problem ? (
        <p id="sign-in-error" role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {t(problem)}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
