"use client";
// A form bound to a server action that reports back: the outcome is announced next to the form (role="status").
import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

/** What a server action reports back to its form. */
export type ActionState = { ok: boolean; message?: string; email?: string; oneTimePassword?: string } | null;

export function ActionForm({
  action,
  children,
  className,
  label,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={cn("flex flex-wrap items-center gap-2", className)} aria-label={label} aria-busy={pending}>
      {children}
      <span role="status" className={cn("text-xs", state?.ok === false ? "text-red-700 dark:text-red-400" : "text-muted-foreground")}>
        {state?.ok === false ? state.message : null}
        {state?.ok && state.oneTimePassword ? (
          <span className="block text-sm text-foreground">
            {t("invited", { email: state.email ?? "" })} {t("oneTimePassword")}{" "}
            <code className="rounded bg-muted px-1.5 py-0.5 font-mono" data-testid="one-time-password">
              {state.oneTimePassword}
            </code>
          </span>
        ) : state?.ok ? (
          t("done")
        ) : null}
      </span>
    </form>
  );
}
