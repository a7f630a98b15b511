"use client";
// An editor's buttons on one feed: check it now (shows what the poll found), pause/resume, delete after a confirmation.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";

export function FeedActions({ id, name, active }: { id: number; name: string; active: boolean }) {
  const t = useTranslations("feeds");
  const form = useForm({ refresh: true });
  const [confirming, setConfirming] = useState(false);

  function run(action: () => Promise<string | null>) {
    form.reset(); // the last action's message goes while this one runs
    void form.run(action);
  }
  const checkNow = () =>
    run(async () => {
      const s = await trpc.feeds.pollNow.mutate({ id });
      return t("checked", { items: s.items, ingested: s.ingested, errors: s.errors });
    });

  const text = form.problem?.message ?? form.done;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" disabled={!form.ready || form.pending} onClick={checkNow}>
          {form.pending ? t("checking") : t("checkNow")}
        </Button>
        <Button type="button" variant="outline" disabled={!form.ready || form.pending} onClick={() => run(async () => (await trpc.feeds.update.mutate({ id, active: !active }), null))}>
          {active ? t("pause") : t("resume")}
        </Button>
        {confirming ? (
          <>
            <Button type="button" variant="secondary" disabled={!form.ready || form.pending} onClick={() => run(async () => (await trpc.feeds.delete.mutate({ id }), null))}>
              {t("confirmDelete", { name })}
            </Button>
            <Button type="button" variant="outline" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </>
        ) : (
          <Button type="button" variant="outline" disabled={!form.ready || form.pending} onClick={() => setConfirming(true)}>
            {t("delete")}
          </Button>
        )}
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {text ? (
          <p className={form.problem ? "text-red-800 dark:text-red-300" : "text-emerald-700 dark:text-emerald-400"} data-testid="feed-action-status">
            {text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
