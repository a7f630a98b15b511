"use client";
// One observation by hand (a day's close, optionally open/high/low/volume): the same row rule as the CSV upload.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { observationRowProblems, upsertObservationsInput } from "@/server/market/schemas";
import { problemFrom, problemFromIssues, trpc, type FormProblem } from "@/lib/trpc-client";
import { FieldErrors, inputClass } from "@/components/records/field-input";
import { FormStatus } from "@/components/records/record-form";
import { rowsFromRecords } from "./observation-upload";

const NUMBERS = ["open", "high", "low", "close", "volume"] as const;

export function ObservationForm({ series }: { series: string[] }) {
  const t = useTranslations("observations");
  const tf = useTranslations("fields");
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>({ series: series[0] ?? "kospi", date: "" });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const [row] = rowsFromRecords([values]);
    const input = { series: values.series!, rows: [row!], ...(values.note?.trim() && { note: values.note }) };
    const shape = upsertObservationsInput.safeParse(input);
    const rowProblems = observationRowProblems(row!, 1);
    if (!shape.success || rowProblems.length) {
      const fields: Record<string, string[]> = {};
      for (const p of rowProblems) fields[p.field] = [...(fields[p.field] ?? []), p.message];
      setProblem(shape.success ? { message: t("fixFields"), fields, rows: [], code: null } : problemFromIssues(shape.error.issues));
      return;
    }
    setPending(true);
    try {
      const result = await trpc.edit.observations.upsert.mutate(input);
      setProblem(null);
      setSaved(t("written", { written: result.written, replaced: result.replaced }));
      router.refresh();
    } catch (error) {
      const p = problemFrom(error);
      for (const r of p.rows) p.fields[r.field] = [...(p.fields[r.field] ?? []), r.message];
      setProblem(p);
    } finally {
      setPending(false);
    }
  }

  const errors = problem?.fields ?? {};
  const input = (name: string, type = "text") => (
    <div className="grid content-start gap-1" key={name}>
      <label htmlFor={`obs-${name}`} className="text-xs font-medium">
        {tf(name as "title")}
        {name !== "date" && name !== "close" ? <span className="font-normal text-muted-foreground"> ({tf("optional")})</span> : null}
      </label>
      <input
        id={`obs-${name}`}
        type={type}
        inputMode={type === "text" ? "decimal" : undefined}
        value={values[name] ?? ""}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        className={inputClass}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `obs-${name}-error` : undefined}
      />
      <FieldErrors id={`obs-${name}-error`} errors={errors[name]} />
    </div>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t("handTitle")} aria-busy={pending} className="grid gap-3">
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7">
        <div className="grid content-start gap-1">
          <label htmlFor="obs-series" className="text-xs font-medium">
            {t("series")}
          </label>
          <select id="obs-series" value={values.series} onChange={(e) => setValues((v) => ({ ...v, series: e.target.value }))} className={inputClass}>
            {series.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        {input("date", "date")}
        {NUMBERS.map((n) => input(n))}
      </div>
      <div className="grid gap-1">
        <label htmlFor="obs-note" className="text-xs font-medium">
          {t("why")} <span className="font-normal text-muted-foreground">({tf("optional")})</span>
        </label>
        <input id="obs-note" maxLength={2000} value={values.note ?? ""} onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))} className={inputClass} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <FormStatus problem={problem} saved={saved} />
      </div>
    </form>
  );
}
