"use client";
// "Postpone to …": a new deadline at the new instant, the old one marked postponed and linked to it.
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { postponeDeadlineInput } from "@/server/records/schemas/deadline";
import { problemFrom, problemFromIssues, trpc, type FormProblem } from "@/lib/trpc-client";
import { FieldErrors, FieldInput, inputClass, type InstantValue } from "./field-input";
import { FormStatus } from "./record-form";
import { SourcesPicker, type SourceChoice } from "./sources-picker";

export function PostponeForm({
  deadlineKey,
  zone,
  initialSources,
  choices,
}: {
  deadlineKey: string;
  zone: string;
  initialSources: number[];
  choices: SourceChoice[];
}) {
  const t = useTranslations("edit");
  const tf = useTranslations("fields");
  const router = useRouter();
  const [to, setTo] = useState<InstantValue>({ local: "", zone });
  const [newKey, setNewKey] = useState("");
  const [sources, setSources] = useState<number[]>(initialSources);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const idPrefix = "postpone";

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { key: deadlineKey, to, sources, ...(newKey.trim() && { newKey: newKey.trim() }), ...(note.trim() && { note }) };
    const checked = postponeDeadlineInput.safeParse(input);
    if (!checked.success) {
      setProblem(problemFromIssues(checked.error.issues));
      return;
    }
    setPending(true);
    try {
      const result = await trpc.edit.deadlines.postpone.mutate(checked.data);
      setProblem(null);
      const newKey = result.created.deadlineKey as string;
      setCreated(newKey);
      // This deadline is now postponed (no form here any more): continue on the new one.
      router.push(`/edit/deadlines/${newKey}?postponedFrom=${deadlineKey}`);
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
    }
  }

  const errors = problem?.fields ?? {};
  return (
    <form onSubmit={submit} noValidate aria-label={t("postpone")} aria-busy={pending} className="grid gap-4 sm:grid-cols-2">
      <FieldInput spec={{ name: "to", type: "instant" }} idPrefix={idPrefix} value={to} onChange={(v) => setTo(v as InstantValue)} errors={errors.to} />
      <div className="grid content-start gap-1">
        <label htmlFor={`${idPrefix}-newKey`} className="text-xs font-medium">
          {tf("newKey")} <span className="font-normal text-muted-foreground">({tf("optional")})</span>
        </label>
        <input id={`${idPrefix}-newKey`} value={newKey} maxLength={80} onChange={(e) => setNewKey(e.target.value.toLowerCase())} className={inputClass} aria-invalid={errors.newKey ? true : undefined} />
        <FieldErrors id={`${idPrefix}-newKey-error`} errors={errors.newKey} />
      </div>
      <SourcesPicker idPrefix={idPrefix} choices={choices} value={sources} onChange={setSources} errors={errors.sources} />
      <div className="grid gap-1 sm:col-span-2">
        <label htmlFor={`${idPrefix}-note`} className="text-xs font-medium">
          {t("why")} <span className="font-normal text-muted-foreground">({tf("optional")})</span>
        </label>
        <textarea id={`${idPrefix}-note`} maxLength={2000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} className={inputClass + " h-auto py-1.5"} />
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t("postponeSubmit")}
        </Button>
        <FormStatus problem={problem} saved={created ? t("postponed", { key: created }) : null} />
        {created ? (
          <Link href={`/edit/deadlines/${created}`} className="text-sm text-accent underline underline-offset-4">
            {t("openNew")}
          </Link>
        ) : null}
      </div>
      {errors.key ? <FieldErrors id={`${idPrefix}-key-error`} errors={errors.key} /> : null}
    </form>
  );
}
