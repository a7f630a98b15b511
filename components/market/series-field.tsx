"use client";
// Which series the observations belong to (the hand form and the CSV upload).
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";

export function SeriesField({ id, series, value, onChange, errors }: { id: string; series: string[]; value: string; onChange: (key: string) => void; errors?: string[] }) {
  const t = useTranslations("observations");
  return (
    <Field id={id} label={t("series")} errors={errors}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
          {series.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
