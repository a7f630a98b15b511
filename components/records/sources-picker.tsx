"use client";
// Choosing the sources a record cites: a filterable list of checkboxes (1–20 must be chosen; the schema says so).
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { FieldErrors, inputClass } from "@/components/ui/field";

export type SourceChoice = { id: number; key: string; title: string; publisher: string; publishedOn: string | null };

export function SourcesPicker({
  idPrefix,
  choices,
  value,
  onChange,
  errors,
}: {
  idPrefix: string;
  choices: SourceChoice[];
  value: number[];
  onChange: (ids: number[]) => void;
  errors?: string[];
}) {
  const t = useTranslations("edit");
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const chosen = new Set(value);
    const match = (c: SourceChoice) => !q || `${c.title} ${c.publisher} ${c.key}`.toLowerCase().includes(q);
    // Chosen sources stay on top whatever the filter.
    return [...choices.filter((c) => chosen.has(c.id)), ...choices.filter((c) => !chosen.has(c.id) && match(c)).slice(0, 60)];
  }, [choices, filter, value]);
  const errorId = `${idPrefix}-sources-error`;
  return (
    <fieldset className="grid gap-2 sm:col-span-2" aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-xs font-medium">
        {t("cites")} <span className="font-normal text-muted-foreground">({t("citesHint", { count: value.length })})</span>
      </legend>
      <input
        type="search"
        aria-label={t("filterSources")}
        placeholder={t("filterSources")}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        maxLength={100}
        className={inputClass}
      />
      <ul className="max-h-56 overflow-y-auto rounded-md border border-border p-2 text-sm" aria-invalid={errors?.length ? true : undefined}>
        {shown.map((c) => (
          <li key={c.id}>
            <label className="flex cursor-pointer items-start gap-2 py-0.5">
              <input
                type="checkbox"
                name="sources"
                value={c.id}
                checked={value.includes(c.id)}
                onChange={(e) => onChange(e.target.checked ? [...value, c.id] : value.filter((id) => id !== c.id))}
                className="mt-1"
              />
              <span>
                {c.title} <span className="text-xs text-muted-foreground">— {[c.publisher, c.publishedOn].filter(Boolean).join(", ")}</span>
              </span>
            </label>
          </li>
        ))}
        {shown.length === 0 ? <li className="text-muted-foreground">{t("noSourceMatches")}</li> : null}
      </ul>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
