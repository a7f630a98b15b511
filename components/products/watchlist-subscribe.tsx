"use client";
// Alerts for a watchlist: the same subscription as /alerts (double opt-in by email unless it is the signed-in
// person's confirmed address), following the list: its lines' duty changes and the deadlines of their sectors.
import { useState, type FormEvent } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";

export type SubscribeLabels = Record<"email" | "offsets" | "offsetsHint" | "submit" | "checkInbox" | "subscribed", string>;

export function WatchlistSubscribe({ watchlistKey, email: initialEmail, labels }: { watchlistKey: string; email: string; labels: SubscribeLabels }) {
  const form = useForm();
  const [email, setEmail] = useState(initialEmail);
  const [offsets, setOffsets] = useState("7d,1d");

  function submit(event: FormEvent) {
    event.preventDefault();
    void form.run(async () => {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const r = await trpc.alerts.subscribe.mutate({ email, timeZone: zone, language: document.documentElement.lang === "ko" ? "ko" : "en", subscription: { scope: "watchlist", scopeValue: watchlistKey, offsets } });
      return r.checkInbox ? labels.checkInbox : labels.subscribed;
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={form.pending} className="grid gap-3">
      <fieldset disabled={!form.ready} className="contents">
        <Field id="watch-email" label={labels.email} errors={form.errors.email}>
          {(control) => <input {...control} type="email" value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass} autoComplete="email" />}
        </Field>
        <Field id="watch-offsets" label={labels.offsets} hint={labels.offsetsHint} errors={form.errors.offsets}>
          {(control) => <input {...control} value={offsets} onChange={(e) => setOffsets(e.target.value)} className={`${inputClass} font-mono sm:max-w-xs`} />}
        </Field>
        <FormFooter form={form} submit={labels.submit} />
      </fieldset>
    </form>
  );
}
