"use client";
// Accept (one click unless the fact contradicts a tracked value), edit the fact's fields inline, or reject with an
// optional note. Errors from the server are shown as they come (they name the field).
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";

const TEXT_FIELDS = new Set(["sector", "country", "status", "effective", "date", "what", "currency", "purpose", "tax", "until", "index"]);

function toPatch(values: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      const s = v.trim();
      if (TEXT_FIELDS.has(k)) return [k, s === "" && ["effective", "until", "date"].includes(k) && k !== "date" ? null : s];
      if (s === "") return [k, null];
      return [k, Number(s.replace(/,/g, ""))];
    }),
  );
}

type Mode = "idle" | "edit" | "reject" | "resolve";
type ConflictChoice = "keep_tracked" | "use_article";

export function ProposalActions({ id, hasConflict, fields }: { id: number; hasConflict: boolean; fields: [string, string][] }) {
  const t = useTranslations("review");
  const form = useForm({ refresh: true });
  const [mode, setMode] = useState<Mode>("idle");
  // Kept here, so closing and reopening the editor keeps what was typed.
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(fields));

  /** One review call; on success the proposal leaves this state and the queue refreshes. */
  const send = (action: () => Promise<unknown>) =>
    form.run(async () => {
      await action();
      setMode("idle");
      return null;
    });
  const accept = () => (hasConflict ? setMode("resolve") : send(() => trpc.review.accept.mutate({ id })));
  const toggle = (to: Mode) => setMode(mode === to ? "idle" : to);

  return (
    <div className="grid gap-2 border-t border-border pt-2" aria-busy={form.pending}>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={accept} disabled={!form.ready || form.pending}>
          {t("accept")}
        </Button>
        <Button size="sm" variant="outline" onClick={() => toggle("edit")} disabled={!form.ready || form.pending} aria-expanded={mode === "edit"}>
          {t("edit")}
        </Button>
        <Button size="sm" variant="outline" onClick={() => toggle("reject")} disabled={!form.ready || form.pending} aria-expanded={mode === "reject"}>
          {t("reject")}
        </Button>
      </div>
      {mode === "edit" ? (
        <EditFactForm
          fields={fields}
          values={values}
          onValues={setValues}
          errors={form.errors}
          pending={form.pending}
          onSave={() => send(() => trpc.review.edit.mutate({ id, patch: toPatch(values) }))}
          onCancel={() => setMode("idle")}
        />
      ) : null}
      {mode === "reject" || mode === "resolve" ? (
        <NoteForm
          id={id}
          resolve={mode === "resolve"}
          pending={form.pending}
          onSend={(note, choice) => send(() => (mode === "reject" ? trpc.review.reject.mutate({ id, note }) : trpc.review.accept.mutate({ id, conflictChoice: choice, note })))}
        />
      ) : null}
      <FormStatus problem={form.problem} saved={null} />
    </div>
  );
}

/** The fact's fields, inline (each input labelled by its wrapping label). */
function EditFactForm({
  fields,
  values,
  onValues,
  errors,
  pending,
  onSave,
  onCancel,
}: {
  fields: [string, string][];
  values: Record<string, string>;
  onValues: (values: Record<string, string>) => void;
  errors: Record<string, string[]>;
  pending: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("review");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave();
  };
  return (
    <form onSubmit={submit} aria-label={t("edit")} className="grid gap-2 sm:grid-cols-2">
      {fields.map(([name]) => (
        <label key={name} className="grid gap-1 text-xs font-medium">
          {t(`fields.${name}` as "fields.sector")}
          <input name={name} value={values[name] ?? ""} onChange={(e) => onValues({ ...values, [name]: e.target.value })} className={inputClass} aria-invalid={!!errors[name]} />
        </label>
      ))}
      <div className="flex gap-2 sm:col-span-2">
        <Button size="sm" type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <Button size="sm" variant="ghost" type="button" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

/** Reject with an optional note, or — for a fact that contradicts a tracked value — accept with a choice and a note. */
function NoteForm({ id, resolve, pending, onSend }: { id: number; resolve: boolean; pending: boolean; onSend: (note: string | null, choice?: ConflictChoice) => void }) {
  const t = useTranslations("review");
  const [note, setNote] = useState("");
  const [choice, setChoice] = useState<ConflictChoice | "">("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSend(note || null, choice || undefined);
  };
  return (
    <form onSubmit={submit} aria-label={resolve ? t("conflictChoice") : t("reject")} className="grid gap-2">
      {resolve ? (
        <fieldset className="grid gap-1">
          <legend className="text-xs font-medium">{t("conflictChoice")}</legend>
          {(["keep_tracked", "use_article"] as const).map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input type="radio" name={`choice-${id}`} value={c} checked={choice === c} onChange={() => setChoice(c)} />
              {c === "keep_tracked" ? t("keepTracked") : t("useArticle")}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="grid gap-1 text-xs font-medium">
        {resolve ? t("note") : t("noteOptional")}
        <input name="note" value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} />
      </label>
      <div>
        <Button size="sm" type="submit" disabled={pending}>
          {resolve ? t("resolveAccept") : t("confirmReject")}
        </Button>
      </div>
    </form>
  );
}
