"use client";
// The edit form of every record kind: fields from FORM_FIELDS, checked with the same zod schema as the server
// before sending, server errors shown on their fields. An update sends only what changed, so the audit log and the
// new version say exactly what the editor changed.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import type { EditableKind } from "@/server/core/constants";
import { trpc } from "@/lib/trpc-client";
import { FieldInput, toInputValue } from "./field-input";
import { FORM_FIELDS, FORM_SCHEMAS, KIND_SLUGS } from "./fields";
import { NoteField } from "./note-field";
import { SourcesPicker, type SourceChoice } from "./sources-picker";

type Values = Record<string, unknown>;
type Mode = "create" | "update";

function call(kind: EditableKind, mode: Mode, input: Values) {
  const router = trpc.edit[KIND_SLUGS[kind]] as unknown as Record<Mode, { mutate: (i: Values) => Promise<unknown> }>;
  return router[mode].mutate(input);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

type Draft = { values: Values; key: string; sources: number[]; note: string; correction: boolean };
type Start = { kind: EditableKind; mode: Mode; initial: Values; initialSources: number[] };

/** The input to send: on an update only what changed (null when nothing did). */
function inputOf({ kind, mode, initial, initialSources }: Start, draft: Draft): Values | null {
  const input: Values = { key: draft.key };
  for (const spec of FORM_FIELDS[kind]) {
    const v = toInputValue(spec, draft.values[spec.name]);
    if (mode === "update" && same(v, toInputValue(spec, initial[spec.name]))) continue;
    if (v !== undefined) input[spec.name] = v;
  }
  const cites = kind !== "source";
  if (cites && (mode === "create" || !same([...draft.sources].sort(), [...initialSources].sort()))) input.sources = draft.sources;
  if (draft.note.trim()) input.note = draft.note;
  if (mode === "update" && draft.correction) input.correction = true;
  if (mode === "update" && Object.keys(input).every((k) => ["key", "note", "correction"].includes(k))) return null;
  return input;
}

export function RecordForm({
  kind,
  mode,
  recordKey,
  initial,
  initialSources,
  choices,
}: Start & {
  recordKey?: string;
  choices: SourceChoice[];
}) {
  const t = useTranslations("edit");
  const router = useRouter();
  const form = useForm();
  const [draft, setDraft] = useState<Draft>({ values: initial, key: recordKey ?? "", sources: initialSources, note: "", correction: false });
  const set = (patch: Partial<Draft>) => setDraft((prev) => ({ ...prev, ...patch }));
  const idPrefix = `${kind}-${mode}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = inputOf({ kind, mode, initial, initialSources }, draft);
    if (!input) return form.fail(t("nothingChanged"));
    if (!form.check(FORM_SCHEMAS[kind][mode], input)) return;
    void form.run(
      async () => {
        await call(kind, mode, input);
        set({ note: "", correction: false });
        return mode === "create" ? t("created") : kind === "source" ? t("savedInPlace") : draft.correction ? t("corrected") : t("savedVersion");
      },
      { onDone: () => (mode === "create" ? router.push(`/edit/${KIND_SLUGS[kind]}/${draft.key}?saved=1`) : router.refresh()) },
    );
  }

  const errors = form.errors;
  return (
    <form onSubmit={submit} noValidate aria-busy={form.pending} aria-label={mode === "create" ? t("newTitle") : t("editTitle")} className="grid gap-4">
      <fieldset disabled={!form.ready} className="contents">
        <div className="grid gap-4 sm:grid-cols-2">
          <KeyField idPrefix={idPrefix} mode={mode} value={draft.key} onChange={(key) => set({ key })} errors={errors.key} />
          {FORM_FIELDS[kind].map((spec) => (
            <FieldInput
              key={spec.name}
              spec={spec}
              idPrefix={idPrefix}
              value={draft.values[spec.name]}
              errors={errors[spec.name]}
              onChange={(v) => setDraft((prev) => ({ ...prev, values: { ...prev.values, [spec.name]: v } }))}
            />
          ))}
          {kind !== "source" ? <SourcesPicker idPrefix={idPrefix} choices={choices} value={draft.sources} onChange={(sources) => set({ sources })} errors={errors.sources} /> : null}
          <NoteField idPrefix={idPrefix} value={draft.note} onChange={(note) => set({ note })} errors={errors.note} />
          {mode === "update" && kind !== "source" ? <CorrectionBox checked={draft.correction} onChange={(correction) => set({ correction })} /> : null}
        </div>
        <FormFooter form={form} submit={form.pending ? t("saving") : mode === "create" ? t("create") : t("save")} />
      </fieldset>
    </form>
  );
}

/** The record's key: typed once when creating (lower case), read-only afterwards. */
function KeyField({ idPrefix, mode, value, onChange, errors }: { idPrefix: string; mode: Mode; value: string; onChange: (key: string) => void; errors?: string[] }) {
  const t = useTranslations("edit");
  const tf = useTranslations("fields");
  return (
    <Field id={`${idPrefix}-key`} label={tf("key")} hint={mode === "create" ? t("keyHint") : undefined} errors={errors} className="sm:col-span-2">
      {(control) => (
        <input
          {...control}
          name="key"
          value={value}
          readOnly={mode === "update"}
          onChange={(e) => onChange(e.target.value.toLowerCase())}
          maxLength={80}
          className={inputClass + (mode === "update" ? " bg-muted" : "")}
        />
      )}
    </Field>
  );
}

/** "This corrects an error": the change replaces the current version instead of adding one. */
function CorrectionBox({ checked, onChange }: { checked: boolean; onChange: (on: boolean) => void }) {
  const t = useTranslations("edit");
  return (
    <label className="flex items-start gap-2 text-sm sm:col-span-2">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-1" />
      <span>
        {t("correction")}
        <span className="block text-xs text-muted-foreground">{t("correctionHint")}</span>
      </span>
    </label>
  );
}
