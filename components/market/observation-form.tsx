"use client";
// One observation by hand (a day's close, optionally open/high/low/volume): the same row rule as the CSV upload.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { observationRowProblems, upsertObservationsInput } from "@/server/market/schemas";
import { problemFrom, trpc, type FormProblem, type RowProblem } from "@/lib/trpc-client";
import { rowsFromRecords } from "./observation-rows";
import { SeriesField } from "./series-field";

const NUMBERS = ["open", "high", "low", "close", "volume"] as const;
const REQUIRED = new Set(["date", "close"]);

/** Row problems on the fields they name (one row here, so the row number says nothing). */
function onFields(problem: FormProblem, rows: RowProblem[]): FormProblem {
  const fields = { ...problem.fields };
  for (const r of rows) fields[r.field] = [...(fields[r.field] ?? []), r.message];
  return { ...problem, fields };
}

export function ObservationForm({ series }: { series: string[] }) {
  const t = useTranslations("observations");
  const tf = useTranslations("fields");
  const form = useForm({ refresh: true });
  const [values, setValues] = useState<Record<string, string>>({ series: series[0] ?? "kospi", date: "" });
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const [row] = rowsFromRecords([values]);
    const input = { series: values.series!, rows: [row!], ...(values.note?.trim() && { note: values.note }) };
    if (!form.check(upsertObservationsInput, input)) return;
    const problems = observationRowProblems(row!, 1);
    if (problems.length) return form.fail(onFields({ message: t("fixFields"), fields: {}, rows: [], code: null }, problems));
    void form.run(
      async () => {
        const result = await trpc.edit.observations.upsert.mutate(input);
        return t("written", { written: result.written, replaced: result.replaced });
      },
      { problem: (error) => { const p = problemFrom(error); return onFields(p, p.rows); } },
    );
  }

  const errors = form.errors;
  return (
    <form onSubmit={submit} noValidate aria-label={t("handTitle")} aria-busy={form.pending} className="grid gap-3">
      <fieldset disabled={!form.ready} className="contents">
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7">
          <SeriesField id="obs-series" series={series} value={values.series!} onChange={(key) => set("series", key)} errors={errors.series} />
          {(["date", ...NUMBERS] as const).map((name) => (
            <Field key={name} id={`obs-${name}`} label={tf(name as "title")} optional={REQUIRED.has(name) ? undefined : tf("optional")} errors={errors[name]}>
              {(control) => (
                <input
                  {...control}
                  type={name === "date" ? "date" : "text"}
                  inputMode={name === "date" ? undefined : "decimal"}
                  value={values[name] ?? ""}
                  onChange={(e) => set(name, e.target.value)}
                  className={inputClass}
                />
              )}
            </Field>
          ))}
        </div>
        <Field id="obs-note" label={t("why")} optional={tf("optional")} errors={errors.note}>
          {(control) => <input {...control} maxLength={2000} value={values.note ?? ""} onChange={(e) => set("note", e.target.value)} className={inputClass} />}
        </Field>
        <FormFooter form={form} submit={t("save")} />
      </fieldset>
    </form>
  );
}
