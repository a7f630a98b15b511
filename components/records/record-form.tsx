"use client";
// The edit form of every record kind: fields from FORM_FIELDS, checked with the same zod schema as the server
// before sending, server errors shown on their fields. An update sends only what changed, so the audit log and the
// new version say exactly what the editor changed.
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { EditableKind } from "@/server/core/constants";
import { problemFrom, problemFromIssues, trpc, type FormProblem } from "@/lib/trpc-client";
import { FieldErrors, FieldInput, inputClass, toInputValue } from "./field-input";
import { FORM_FIELDS, FORM_SCHEMAS, KIND_SLUGS } from "./fields";
import { SourcesPicker, type SourceChoice } from "./sources-picker";

type Values = Record<string, unknown>;

function call(kind: EditableKind, mode: "create" | "update", input: Values) {
  const router = trpc.edit[KIND_SLUGS[kind]] as unknown as Record<"create" | "update", { mutate: (i: Values) => Promise<unknown> }>;
  return router[mode].mutate(input);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function FormStatus({ problem, saved }: { problem: FormProblem | null; saved: string | null }) {
  return (
    <div role="status" aria-live="polite" className="text-sm">
      {problem ? (
        <p className="rounded-md border border-red-600/40 bg-red-50 p-2 text-red-800 dark:bg-red-950/40 dark:text-red-300" data-testid="form-error">
          {problem.message}
        </p>
      ) : saved ? (
        <p className="text-emerald-700 dark:text-emerald-400" data-testid="form-saved">
          {saved}
        </p>
      ) : null}
    </div>
  );
}

export function RecordForm({
  kind,
  mode,
  recordKey,
  initial,
  initialSources,
  choices,
}: {
  kind: EditableKind;
  mode: "create" | "update";
  recordKey?: string;
  initial: Values;
  initialSources: number[];
  choices: SourceChoice[];
}) {
  const t = useTranslations("edit");
  const tf = useTranslations("fields");
  const router = useRouter();
  const fields = FORM_FIELDS[kind];
  const [values, setValues] = useState<Values>(initial);
  const [key, setKey] = useState(recordKey ?? "");
  const [sources, setSources] = useState<number[]>(initialSources);
  const [note, setNote] = useState("");
  const [correction, setCorrection] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const idPrefix = `${kind}-${mode}`;
  const cites = kind !== "source";

  function buildInput(): Values | null {
    const input: Values = { key };
    for (const spec of fields) {
      const v = toInputValue(spec, values[spec.name]);
      if (mode === "update" && same(v, toInputValue(spec, initial[spec.name]))) continue;
      if (v !== undefined) input[spec.name] = v;
    }
    if (cites && (mode === "create" || !same([...sources].sort(), [...initialSources].sort()))) input.sources = sources;
    if (note.trim()) input.note = note;
    if (mode === "update" && correction) input.correction = true;
    if (mode === "update" && Object.keys(input).every((k) => ["key", "note", "correction"].includes(k))) return null;
    return input;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const input = buildInput();
    if (!input) {
      setProblem({ message: t("nothingChanged"), fields: {}, rows: [], code: null });
      return;
    }
    const checked = FORM_SCHEMAS[kind][mode].safeParse(input);
    if (!checked.success) {
      setProblem(problemFromIssues(checked.error.issues));
      return;
    }
    setPending(true);
    try {
      await call(kind, mode, input);
      setProblem(null);
      setSaved(mode === "create" ? t("created") : kind === "source" ? t("savedInPlace") : correction ? t("corrected") : t("savedVersion"));
      setNote("");
      setCorrection(false);
      if (mode === "create") router.push(`/edit/${KIND_SLUGS[kind]}/${key}?saved=1`);
      else router.refresh();
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
      statusRef.current?.focus();
    }
  }

  const errors = problem?.fields ?? {};
  return (
    <form onSubmit={submit} noValidate aria-busy={pending} aria-label={mode === "create" ? t("newTitle") : t("editTitle")} className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid content-start gap-1 sm:col-span-2">
          <label htmlFor={`${idPrefix}-key`} className="text-xs font-medium">
            {tf("key")}
          </label>
          <input
            id={`${idPrefix}-key`}
            name="key"
            value={key}
            readOnly={mode === "update"}
            onChange={(e) => setKey(e.target.value.toLowerCase())}
            maxLength={80}
            className={inputClass + (mode === "update" ? " bg-muted" : "")}
            aria-invalid={errors.key ? true : undefined}
            aria-describedby={errors.key ? `${idPrefix}-key-error` : `${idPrefix}-key-hint`}
          />
          {mode === "create" ? (
            <p id={`${idPrefix}-key-hint`} className="text-xs text-muted-foreground">
              {t("keyHint")}
            </p>
          ) : null}
          <FieldErrors id={`${idPrefix}-key-error`} errors={errors.key} />
        </div>
        {fields.map((spec) => (
          <FieldInput
            key={spec.name}
            spec={spec}
            idPrefix={idPrefix}
            value={values[spec.name]}
            errors={errors[spec.name]}
            onChange={(v) => setValues((prev) => ({ ...prev, [spec.name]: v }))}
          />
        ))}
        {cites ? <SourcesPicker idPrefix={idPrefix} choices={choices} value={sources} onChange={setSources} errors={errors.sources} /> : null}
        <div className="grid gap-1 sm:col-span-2">
          <label htmlFor={`${idPrefix}-note`} className="text-xs font-medium">
            {t("why")} <span className="font-normal text-muted-foreground">({tf("optional")})</span>
          </label>
          <textarea id={`${idPrefix}-note`} maxLength={2000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} className={inputClass + " h-auto py-1.5"} />
          <FieldErrors id={`${idPrefix}-note-error`} errors={errors.note} />
        </div>
        {mode === "update" && kind !== "source" ? (
          <label className="flex items-start gap-2 text-sm sm:col-span-2">
            <input type="checkbox" checked={correction} onChange={(e) => setCorrection(e.target.checked)} className="mt-1" />
            <span>
              {t("correction")}
              <span className="block text-xs text-muted-foreground">{t("correctionHint")}</span>
            </span>
          </label>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : mode === "create" ? t("create") : t("save")}
        </Button>
        <div ref={statusRef} tabIndex={-1} className="outline-none">
          <FormStatus problem={problem} saved={saved} />
        </div>
      </div>
    </form>
  );
}
