"use client";
// Accept (one click unless the fact contradicts a tracked value), edit the fact's fields inline, or reject with an
// optional note. Errors from the server are shown as they come (they name the field).
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/records/field-input";
import { FormStatus } from "@/components/records/record-form";
import { problemFrom, trpc, type FormProblem } from "@/lib/trpc-client";

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

export function ProposalActions({ id, hasConflict, fields }: { id: number; hasConflict: boolean; fields: [string, string][] }) {
  const t = useTranslations("review");
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "edit" | "reject" | "resolve">("idle");
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(fields));
  const [note, setNote] = useState("");
  const [choice, setChoice] = useState<"keep_tracked" | "use_article" | "">("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setPending(true);
    try {
      await action();
      setProblem(null);
      setMode("idle");
      router.refresh();
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
    }
  }

  const accept = () => (hasConflict ? setMode("resolve") : run(() => trpc.review.accept.mutate({ id })));
  const submitEdit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => trpc.review.edit.mutate({ id, patch: toPatch(values) }));
  };
  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    void run(() => trpc.review.reject.mutate({ id, note: note || null }));
  };
  const submitResolve = (e: FormEvent) => {
    e.preventDefault();
    void run(() => trpc.review.accept.mutate({ id, conflictChoice: choice || undefined, note: note || null }));
  };

  return (
    <div className="grid gap-2 border-t border-border pt-2" aria-busy={pending}>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={accept} disabled={pending}>
          {t("accept")}
        </Button>
        <Button size="sm" variant="outline" onClick={() => setMode(mode === "edit" ? "idle" : "edit")} disabled={pending} aria-expanded={mode === "edit"}>
          {t("edit")}
        </Button>
        <Button size="sm" variant="outline" onClick={() => setMode(mode === "reject" ? "idle" : "reject")} disabled={pending} aria-expanded={mode === "reject"}>
          {t("reject")}
        </Button>
      </div>
      {mode === "edit" ? (
        <form onSubmit={submitEdit} aria-label={t("edit")} className="grid gap-2 sm:grid-cols-2">
          {fields.map(([name]) => (
            <label key={name} className="grid gap-1 text-xs font-medium">
              {t(`fields.${name}` as "fields.sector")}
              <input
                name={name}
                value={values[name] ?? ""}
                onChange={(e) => setValues({ ...values, [name]: e.target.value })}
                className={inputClass}
                aria-invalid={!!problem?.fields[name]}
              />
            </label>
          ))}
          <div className="flex gap-2 sm:col-span-2">
            <Button size="sm" type="submit" disabled={pending}>
              {t("save")}
            </Button>
            <Button size="sm" variant="ghost" type="button" onClick={() => setMode("idle")}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : null}
      {mode === "reject" || mode === "resolve" ? (
        <form onSubmit={mode === "reject" ? submitReject : submitResolve} aria-label={mode === "reject" ? t("reject") : t("conflictChoice")} className="grid gap-2">
          {mode === "resolve" ? (
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
            {mode === "reject" ? t("noteOptional") : t("note")}
            <input name="note" value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} />
          </label>
          <div>
            <Button size="sm" type="submit" disabled={pending}>
              {mode === "reject" ? t("confirmReject") : t("resolveAccept")}
            </Button>
          </div>
        </form>
      ) : null}
      <FormStatus problem={problem} saved={null} />
    </div>
  );
}
