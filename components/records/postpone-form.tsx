"use client";
// "Postpone to …": a new deadline at the new instant, the old one marked postponed and linked to it.
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field, FieldErrors, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { postponeDeadlineInput } from "@/server/records/schemas/deadline";
import { trpc } from "@/lib/trpc-client";
import { FieldInput, type InstantValue } from "./field-input";
import { NoteField } from "./note-field";
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
  const form = useForm();
  const [to, setTo] = useState<InstantValue>({ local: "", zone });
  const [newKey, setNewKey] = useState("");
  const [sources, setSources] = useState<number[]>(initialSources);
  const [note, setNote] = useState("");
  const idPrefix = "postpone";

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { key: deadlineKey, to, sources, ...(newKey.trim() && { newKey: newKey.trim() }), ...(note.trim() && { note }) };
    const checked = form.check(postponeDeadlineInput, input);
    if (!checked) return;
    void form.run(async () => (await trpc.edit.deadlines.postpone.mutate(checked)).created.deadlineKey as string, {
      // This deadline is now postponed (no form here any more): continue on the new one.
      onDone: (created) => router.push(`/edit/deadlines/${created}?postponedFrom=${deadlineKey}`),
    });
  }

  const errors = form.errors;
  const created = form.done;
  return (
    <form onSubmit={submit} noValidate aria-label={t("postpone")} aria-busy={form.pending} className="grid gap-4 sm:grid-cols-2">
      <fieldset disabled={!form.ready} className="contents">
        <FieldInput spec={{ name: "to", type: "instant" }} idPrefix={idPrefix} value={to} onChange={(v) => setTo(v as InstantValue)} errors={errors.to} />
        <Field id={`${idPrefix}-newKey`} label={tf("newKey")} optional={tf("optional")} errors={errors.newKey}>
          {(control) => <input {...control} value={newKey} maxLength={80} onChange={(e) => setNewKey(e.target.value.toLowerCase())} className={inputClass} />}
        </Field>
        <SourcesPicker idPrefix={idPrefix} choices={choices} value={sources} onChange={setSources} errors={errors.sources} />
        <NoteField idPrefix={idPrefix} value={note} onChange={setNote} errors={errors.note} />
        <FormFooter form={form} submit={t("postponeSubmit")} saved={created ? t("postponed", { key: created }) : null} className="flex flex-wrap items-center gap-3 sm:col-span-2">
          {created ? (
            <Link href={`/edit/deadlines/${created}`} className="text-sm text-accent underline underline-offset-4">
              {t("openNew")}
            </Link>
          ) : null}
        </FormFooter>
        {errors.key ? <FieldErrors id={`${idPrefix}-key-error`} errors={errors.key} /> : null}
      </fieldset>
    </form>
  );
}
