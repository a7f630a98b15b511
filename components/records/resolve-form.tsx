"use client";
// Resolving a conflict: pick one of the claimed values (or a custom one, e.g. a later official figure) and say why.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { describedBy, Field, FieldErrors, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { resolveConflictInput } from "@/server/records/schemas/conflict";
import { trpc, type Issue } from "@/lib/trpc-client";

type Claimed = { value: number; label: string };

/** The value to send: a claimed one, or the custom one typed (NaN when none is given, so the schema refuses it). */
function chosenValue(choice: string, custom: string): number {
  if (choice === "") return Number.NaN;
  if (choice !== "custom") return Number(choice);
  return custom.trim() === "" ? Number.NaN : Number(custom.replace(/,/g, ""));
}

export function ResolveConflictForm({ conflictKey, values }: { conflictKey: string; values: Claimed[] }) {
  const t = useTranslations("conflicts");
  const form = useForm({ refresh: true });
  const [choice, setChoice] = useState<string>("");
  const [custom, setCustom] = useState("");
  const [note, setNote] = useState("");
  const id = `resolve-${conflictKey}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { key: conflictKey, value: chosenValue(choice, custom), custom: choice === "custom", note };
    // Whatever the schema finds wrong with the value, the form asks for one.
    const ask = (issue: Issue) => (issue.path[0] === "value" ? { ...issue, message: t("chooseValue") } : issue);
    if (!form.check(resolveConflictInput, input, { map: ask })) return;
    void form.run(async () => {
      await trpc.conflicts.resolve.mutate(input);
      return null;
    });
  }

  const errors = form.errors;
  return (
    <form onSubmit={submit} noValidate aria-label={t("resolve")} aria-busy={form.pending} className="grid gap-3 border-t border-border pt-3">
      <fieldset disabled={!form.ready} className="contents">
        <ValueChoice id={id} values={values} choice={choice} onChoice={setChoice} custom={custom} onCustom={setCustom} errors={errors.value} />
        <Field id={`${id}-note`} label={t("why")} errors={errors.note}>
          {(control) => <textarea {...control} maxLength={2000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} className={inputClass + " h-auto py-1.5"} />}
        </Field>
        <FormFooter form={form} submit={t("resolveSubmit")} />
      </fieldset>
    </form>
  );
}

/** One radio per claimed value, and "Another value:" with its number. */
function ValueChoice({
  id,
  values,
  choice,
  onChoice,
  custom,
  onCustom,
  errors,
}: {
  id: string;
  values: Claimed[];
  choice: string;
  onChoice: (choice: string) => void;
  custom: string;
  onCustom: (custom: string) => void;
  errors?: string[];
}) {
  const t = useTranslations("conflicts");
  const errorId = `${id}-value-error`;
  return (
    <fieldset className="grid gap-1" aria-describedby={describedBy({ errors, errorId })["aria-describedby"]}>
      <legend className="text-xs font-medium">{t("chooseValue")}</legend>
      {values.map((v) => (
        <label key={v.value} className="flex items-center gap-2 text-sm">
          <input type="radio" name={`${id}-value`} value={String(v.value)} checked={choice === String(v.value)} onChange={(e) => onChoice(e.target.value)} />
          {v.label}
        </label>
      ))}
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name={`${id}-value`} value="custom" checked={choice === "custom"} onChange={() => onChoice("custom")} />
        {t("custom")}
        <input
          aria-label={t("customValue")}
          inputMode="decimal"
          value={custom}
          onChange={(e) => {
            onCustom(e.target.value);
            onChoice("custom");
          }}
          className={inputClass + " w-40"}
        />
      </label>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
