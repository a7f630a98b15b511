"use client";
// Choosing the sources a record cites: a filterable list of checkboxes (1–20 must be chosen; the schema says so).
// The page gives the newest sources and the ones already cited; typing also asks the server for older matches
// (records.sourceChoices answers a bounded number), so every source can be found without sending them all.
import { useEffect, useMemo, useState } from "react";
import { trpc } from "@/lib/trpc-client";
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
  const [found, setFound] = useState<SourceChoice[]>([]);
  useEffect(() => {
    const q = filter.trim();
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => {
      trpc.records.sourceChoices.query({ search: q }).then(
        (rows) => live && setFound((before) => [...before, ...rows]),
        () => {}, // the page's own choices still filter locally
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [filter]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const chosen = new Set(value);
    const known = [...new Map([...choices, ...found].map((c) => [c.id, c])).values()];
    const match = (c: SourceChoice) => !q || `${c.title} ${c.publisher} ${c.key}`.toLowerCase().includes(q);
    // Chosen sources stay on top whatever the filter.
    return [...known.filter((c) => chosen.has(c.id)), ...known.filter((c) => !chosen.has(c.id) && match(c)).slice(0, 60)];
  }, [choices, found, filter, value]);
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
