"use client";
// A recipient's quiet hours (local times in its zone) and whether urgent reminders go through. Used by the contact
// point page (admin) and the manage page (a person, through the manage link).
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { quietHoursFields } from "@/server/alerts/schemas";

export type QuietValue = { quietStart: string | null; quietEnd: string | null; quietUrgent: boolean };

export function QuietHoursForm({ idPrefix, initial, zone, save }: { idPrefix: string; initial: QuietValue; zone: string; save: (value: QuietValue) => Promise<unknown> }) {
  const t = useTranslations("contactPoints");
  const form = useForm({ refresh: true });
  const [start, setStart] = useState(initial.quietStart ?? "");
  const [end, setEnd] = useState(initial.quietEnd ?? "");
  const [urgent, setUrgent] = useState(initial.quietUrgent);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = { quietStart: start || null, quietEnd: end || null, quietUrgent: urgent };
    if (!form.check(quietHoursFields, value)) return;
    void form.run(async () => {
      await save(value);
      return value.quietStart ? t("quietSaved", { start: value.quietStart, end: value.quietEnd ?? "" }) : t("quietOff");
    });
  }
  const errors = form.errors;
  return (
    <form onSubmit={submit} noValidate aria-busy={form.pending} aria-label={t("quietLabel")} className="grid gap-3">
      <fieldset disabled={!form.ready} className="contents">
        <div className="flex flex-wrap items-start gap-3">
          <Field id={`${idPrefix}-quietStart`} label={t("quietStart")} errors={errors.quietStart}>
            {(control) => <input {...control} type="time" value={start} onChange={(e) => setStart(e.target.value)} className={inputClass + " w-32"} />}
          </Field>
          <Field id={`${idPrefix}-quietEnd`} label={t("quietEnd")} errors={errors.quietEnd}>
            {(control) => <input {...control} type="time" value={end} onChange={(e) => setEnd(e.target.value)} className={inputClass + " w-32"} />}
          </Field>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} className="mt-1" />
          <span>{t("quietUrgent")}</span>
        </label>
        <p className="text-xs text-muted-foreground">{t("quietHint", { zone })}</p>
        <FormFooter form={form} submit={form.pending ? t("saving") : t("save")} />
      </fieldset>
    </form>
  );
}
