"use client";
// Three ways to add an article: paste, upload (multipart to /api/articles/upload), URL. Each shows its own
// outcome: a clear error on its field, "N facts proposed" or "already ingested" with a link to the article.
import { useState, type FormEvent, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { inputClass } from "@/components/records/field-input";
import { problemFrom, trpc } from "@/lib/trpc-client";

type Outcome =
  | { kind: "created"; articleId: number; proposals: number }
  | { kind: "duplicate"; articleId: number; by: "url" | "content" }
  | { kind: "error"; message: string; fields: Record<string, string[]> }
  | null;

type IngestAnswer = { status: "created"; articleId: number; proposals: number } | { status: "duplicate"; articleId: number; by: "url" | "content" };

function toOutcome(result: IngestAnswer): Outcome {
  return result.status === "created"
    ? { kind: "created", articleId: result.articleId, proposals: result.proposals }
    : { kind: "duplicate", articleId: result.articleId, by: result.by };
}

/** One form's submission: busy while it runs, then its outcome (the answer, or the problem on its fields). */
function useIngest() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  async function run(send: () => Promise<IngestAnswer>, failed: (error: unknown) => Outcome = (error) => {
    const p = problemFrom(error);
    return { kind: "error", message: p.message, fields: p.fields };
  }) {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(toOutcome(await send()));
      router.refresh();
    } catch (error) {
      setOutcome(failed(error));
    } finally {
      setBusy(false);
    }
  }
  return { busy, outcome, setOutcome, run };
}

function OutcomeLine({ outcome, testId }: { outcome: Outcome; testId: string }) {
  const t = useTranslations("news");
  let body: ReactNode = null;
  if (outcome?.kind === "error") body = <p className="text-red-700 dark:text-red-400">{outcome.message}</p>;
  else if (outcome) {
    body = (
      <p className="text-emerald-700 dark:text-emerald-400">
        {outcome.kind === "created" ? t("created", { count: outcome.proposals }) : t("duplicate", { by: outcome.by })}{" "}
        <Link href={`/news/${outcome.articleId}`} className="font-medium text-accent underline underline-offset-4">
          {t("open")}
        </Link>
      </p>
    );
  }
  return (
    <div role="status" aria-live="polite" className="text-sm" data-testid={testId}>
      {body}
    </div>
  );
}

function fieldError(outcome: Outcome, ...names: string[]): string | null {
  if (outcome?.kind !== "error") return null;
  for (const n of names) if (outcome.fields[n]?.length) return outcome.fields[n]!.join(" ");
  return null;
}

function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} className="text-xs text-red-700 dark:text-red-400">
      {message}
    </p>
  ) : null;
}

const label = "text-xs font-medium";

function PasteForm() {
  const t = useTranslations("news");
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [publishedOn, setPublishedOn] = useState("");
  const { busy, outcome, run } = useIngest();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => trpc.articles.ingestText.mutate({ text, title, url, publishedOn }));
  }
  const textError = fieldError(outcome, "text");
  const urlError = fieldError(outcome, "url");
  const dateError = fieldError(outcome, "publishedOn");
  return (
    <form onSubmit={submit} aria-label={t("paste.title")} aria-busy={busy} className="grid gap-3" noValidate>
      <div className="grid gap-1">
        <label htmlFor="paste-text" className={label}>
          {t("paste.text")}
        </label>
        <textarea
          id="paste-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={8}
          aria-invalid={!!textError}
          aria-describedby={textError ? "paste-text-error" : undefined}
          className={`${inputClass} h-auto py-1`}
        />
        <FieldError id="paste-text-error" message={textError} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="grid gap-1">
          <label htmlFor="paste-title" className={label}>
            {t("paste.titleField")}
          </label>
          <input id="paste-title" value={title} onChange={(e) => setTitle(e.target.value)} className={inputClass} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="paste-url" className={label}>
            {t("paste.url")}
          </label>
          <input id="paste-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} aria-invalid={!!urlError} aria-describedby={urlError ? "paste-url-error" : undefined} className={inputClass} />
          <FieldError id="paste-url-error" message={urlError} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="paste-date" className={label}>
            {t("paste.publishedOn")}
          </label>
          <input id="paste-date" type="date" value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} aria-invalid={!!dateError} aria-describedby={dateError ? "paste-date-error" : undefined} className={inputClass} />
          <FieldError id="paste-date-error" message={dateError} />
        </div>
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("working") : t("paste.submit")}
        </Button>
      </div>
      <OutcomeLine outcome={outcome?.kind === "error" && (textError || urlError || dateError) ? null : outcome} testId="paste-status" />
    </form>
  );
}

/** The upload endpoint's refusal, shown on the file field. */
class UploadRefused extends Error {}

function UploadForm() {
  const t = useTranslations("news");
  const [file, setFile] = useState<File | null>(null);
  const { busy, outcome, setOutcome, run } = useIngest();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setOutcome({ kind: "error", message: t("upload.chooseFile"), fields: { file: [t("upload.chooseFile")] } });
    await run(
      async () => {
        const body = new FormData();
        body.append("file", file);
        const res = await fetch("/api/articles/upload", { method: "POST", body });
        const json = (await res.json().catch(() => null)) as (IngestAnswer & { error?: { field: string; message: string } }) | null;
        if (res.ok && json && !json.error) return json;
        throw new UploadRefused(json?.error?.message ?? `HTTP ${res.status}`);
      },
      (error): Outcome =>
        error instanceof UploadRefused
          ? { kind: "error", message: error.message, fields: { file: [error.message] } }
          : { kind: "error", message: t("network"), fields: {} },
    );
  }
  const fileError = fieldError(outcome, "file");
  return (
    <form onSubmit={submit} aria-label={t("upload.title")} aria-busy={busy} className="grid gap-3">
      <div className="grid gap-1">
        <label htmlFor="upload-file" className={label}>
          {t("upload.file")}
        </label>
        <input
          id="upload-file"
          type="file"
          accept=".txt,.html,.htm,.md,text/plain,text/html,text/markdown"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          aria-invalid={!!fileError}
          aria-describedby={fileError ? "upload-file-error" : undefined}
          className="text-sm"
        />
        <FieldError id="upload-file-error" message={fileError} />
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("working") : t("upload.submit")}
        </Button>
      </div>
      <OutcomeLine outcome={fileError ? null : outcome} testId="upload-status" />
    </form>
  );
}

function UrlForm() {
  const t = useTranslations("news");
  const [url, setUrl] = useState("");
  const { busy, outcome, run } = useIngest();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => trpc.articles.ingestUrl.mutate({ url }));
  }
  const urlError = fieldError(outcome, "url");
  return (
    <form onSubmit={submit} aria-label={t("url.title")} aria-busy={busy} className="grid gap-3" noValidate>
      <div className="grid gap-1">
        <label htmlFor="ingest-url" className={label}>
          {t("url.url")}
        </label>
        <input
          id="ingest-url"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={!!urlError}
          aria-describedby={urlError ? "ingest-url-error ingest-url-hint" : "ingest-url-hint"}
          className={inputClass}
        />
        <p id="ingest-url-hint" className="text-xs text-muted-foreground">
          {t("url.hint")}
        </p>
        <FieldError id="ingest-url-error" message={urlError} />
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("working") : t("url.submit")}
        </Button>
      </div>
      <OutcomeLine outcome={urlError ? null : outcome} testId="url-status" />
    </form>
  );
}

export function IngestForms() {
  const t = useTranslations("news");
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>{t("paste.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <PasteForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("upload.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <UploadForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("url.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <UrlForm />
        </CardContent>
      </Card>
    </div>
  );
}
