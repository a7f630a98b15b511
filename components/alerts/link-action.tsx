"use client";
// The button on the confirm and unsubscribe pages. The link in the email only opens the page: link scanners that
// prefetch it change nothing; pressing the button sends the token (a POST through tRPC), and a refused link shows why.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";

type Done = { email: string; manage: string };

export function LinkAction({ action, token }: { action: "confirm" | "unsubscribe"; token: string }) {
  const t = useTranslations("alerts");
  const form = useForm<Done>();
  const done = form.done;

  const press = () =>
    form.run(async () => {
      const result = action === "confirm" ? await trpc.alerts.confirm.mutate({ token }) : await trpc.alerts.unsubscribe.mutate({ token });
      return { email: result.email, manage: result.manage };
    });

  const link = "text-sm text-accent underline underline-offset-4";
  const label = action === "confirm" ? (form.pending ? t("confirming") : t("confirmButton")) : form.pending ? t("unsubscribing") : t("unsubscribeButton");
  return (
    <div className="grid gap-4">
      {done ? null : (
        <div>
          <Button onClick={press} disabled={!form.ready || form.pending}>
            {label}
          </Button>
        </div>
      )}
      <FormStatus
        problem={form.problem}
        saved={done ? (action === "confirm" ? t("confirmed", { email: done.email }) : t("unsubscribed", { email: done.email })) : null}
        focusRef={form.statusRef}
      />
      {done ? (
        <p className="flex flex-wrap gap-4">
          <Link href={done.manage} className={link}>
            {t("manageLink")}
          </Link>
          {action === "unsubscribe" ? (
            <Link href="/alerts" className={link}>
              {t("resubscribe")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
