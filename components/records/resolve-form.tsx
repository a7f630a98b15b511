"use client";
// Resolving a conflict: pick one of the claimed values (or a custom one, e.g. a later official figure) and say why.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FieldErrors, inputClass } from "./field-input";
import { FormStatus } from "./record-form";
import { resolveConflictInput } from "@/server/records/schemas/conflict";
import { problemFrom, problemFromIssues, trpc, type FormProblem } from "@/lib/trpc-client";

export function ResolveConflictForm({ conflictKey, values }: { conflictKey: string; values: { value: number; label: string }[] }) {
  const t = useTranslations("conflicts");
  const router = useRouter();
  const [choice, setChoice] = useState<string>("");
  const [custom, setCustom] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const id = `resolve-${conflictKey}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const isCustom = choice === "custom";
    const value = isCustom ? Number(custom.replace(/,/g, "")) : Number(choice);
    const input = { key: conflictKey, value: choice === "" || (isCustom && custom.trim() === "") ? Number.NaN : value, custom: isCustom, note };
    const checked = resolveConflictInput.safeParse(input);
    if (!checked.success) {
      const p = problemFromIssues(checked.error.issues);
      if (p.fields.value) p.fields.value = [t("chooseValue")];
      setProblem(p);
      return;
    }
    setPending(true);
    try {
      await trpc.conflicts.resolve.mutate(input);
      setProblem(null);
      router.refresh();
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("resolve")} aria-busy={pending} className="grid gap-3 border-t border-border pt-3">
      <fieldset className="grid gap-1" aria-describedby={problem?.fields.value ? `${id}-value-error` : undefined}>
        <legend className="text-xs font-medium">{t("chooseValue")}</legend>
        {values.map((v) => (
          <label key={v.value} className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-value`} value={String(v.value)} checked={choice === String(v.value)} onChange={(e) => setChoice(e.target.value)} />
            {v.label}
          </label>
        ))}
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={`${id}-value`} value="custom" checked={choice === "custom"} onChange={() => setChoice("custom")} />
          {t("custom")}
          <input
            aria-label={t("customValue")}
            inputMode="decimal"
            value={custom}
            onChange={(e) => {
              setCustom(e.target.value);
              setChoice("custom");
            }}
            className={inputClass + " w-40"}
          />
        </label>
        <FieldErrors id={`${id}-value-error`} errors={problem?.fields.value} />
      </fieldset>
      <div className="grid gap-1">
        <label htmlFor={`${id}-note`} className="text-xs font-medium">
          {t("why")}
        </label>
        <textarea
          id={`${id}-note`}
          maxLength={2000}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={inputClass + " h-auto py-1.5"}
          aria-invalid={problem?.fields.note ? true : undefined}
          aria-describedby={problem?.fields.note ? `${id}-note-error` : undefined}
        />
        <FieldErrors id={`${id}-note-error`} errors={problem?.fields.note} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("resolveSubmit")}
        </Button>
        <FormStatus problem={problem} saved={null} />
      </div>
    </form>
  );
}
