"use client";
// The button on the confirm and unsubscribe pages. The link in the email only opens the page: link scanners that
// prefetch it change nothing; pressing the button sends the token (a POST through tRPC), and a refused link shows why.
import Link from "next/link";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/records/record-form";
import { Button } from "@/components/ui/button";
import { problemFrom, trpc, type FormProblem } from "@/lib/trpc-client";

type Done = { email: string; manage: string };

export function LinkAction({ action, token }: { action: "confirm" | "unsubscribe"; token: string }) {
  const t = useTranslations("alerts");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  async function press() {
    setPending(true);
    try {
      const result = action === "confirm" ? await trpc.alerts.confirm.mutate({ token }) : await trpc.alerts.unsubscribe.mutate({ token });
      setProblem(null);
      setDone({ email: result.email, manage: result.manage });
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
      statusRef.current?.focus();
    }
  }

  const link = "text-sm text-accent underline underline-offset-4";
  return (
    <div className="grid gap-4">
      {done ? null : (
        <div>
          <Button onClick={press} disabled={pending}>
            {action === "confirm"
              ? pending
                ? t("confirming")
                : t("confirmButton")
              : pending
                ? t("unsubscribing")
                : t("unsubscribeButton")}
          </Button>
        </div>
      )}
      <div ref={statusRef} tabIndex={-1} className="outline-none">
        <FormStatus problem={problem} saved={done ? (action === "confirm" ? t("confirmed", { email: done.email }) : t("unsubscribed", { email: done.email })) : null} />
      </div>
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
