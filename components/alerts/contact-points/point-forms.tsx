"use client";
// The contact point page's forms: its quiet hours, and an admin's mute window (from, to, why) with the list to end one.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter, InlineProblem } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";
import { addMuteInput } from "@/server/alerts/schemas";
import { QuietHoursForm, type QuietValue } from "./quiet-form";

export function PointQuietHours({ id, initial, zone }: { id: number; initial: QuietValue; zone: string }) {
  return <QuietHoursForm idPrefix="cp-quiet" initial={initial} zone={zone} save={(value) => trpc.alerts.admin.contactPoints.setQuietHours.mutate({ id, ...value })} />;
}

/** A local datetime-local value read as an instant in the browser's zone (the page states which). */
const instantOf = (local: string) => (local ? new Date(local) : new Date(Number.NaN));

export function AddMuteForm({ contactPointId }: { contactPointId: number }) {
  const t = useTranslations("contactPoints");
  const form = useForm({ refresh: true });
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { contactPointId, startsAt: instantOf(from), endsAt: instantOf(to), reason: reason.trim() || undefined };
    if (!form.check(addMuteInput, input)) return;
    void form.run(async () => {
      await trpc.alerts.admin.contactPoints.addMute.mutate(input);
      return t("muteAdded");
    });
  }
  const errors = form.errors;
  return (
    <form onSubmit={submit} noValidate aria-busy={form.pending} aria-label={t("muteLabel")} className="grid gap-3">
      <fieldset disabled={!form.ready} className="contents">
        <div className="flex flex-wrap items-start gap-3">
          <Field id="mute-from" label={t("muteFrom")} errors={errors.startsAt}>
            {(control) => <input {...control} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} className={inputClass + " w-56"} />}
          </Field>
          <Field id="mute-to" label={t("muteTo")} errors={errors.endsAt}>
            {(control) => <input {...control} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} className={inputClass + " w-56"} />}
          </Field>
          <Field id="mute-reason" label={t("muteReason")} optional={t("optional")} errors={errors.reason}>
            {(control) => <input {...control} maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass + " w-64"} />}
          </Field>
        </div>
        <FormFooter form={form} submit={form.pending ? t("saving") : t("addMute")} />
      </fieldset>
    </form>
  );
}

export function EndMuteButton({ id, label }: { id: number; label: string }) {
  const t = useTranslations("contactPoints");
  const form = useForm({ refresh: true });
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="outline" size="sm" disabled={!form.ready || form.pending} onClick={() => void form.run(async () => (await trpc.alerts.admin.contactPoints.deleteMute.mutate({ id }), null))} aria-label={`${t("endMute")}: ${label}`}>
        {t("endMute")}
      </Button>
      <InlineProblem problem={form.problem} />
    </span>
  );
}
