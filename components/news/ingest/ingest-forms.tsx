"use client";
// Three ways to add an article: paste, upload (multipart to /api/articles/upload), URL. Each shows its own
// outcome: a clear error on its field, "N facts proposed" or "already ingested" with a link to the article.
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { useForm, type Form, type RunOptions } from "@/components/ui/use-form";
import { trpc, type FormProblem } from "@/lib/trpc-client";

type IngestAnswer = { status: "created"; articleId: number; proposals: number } | { status: "duplicate"; articleId: number; by: "url" | "content" };

/** One form's submission: the last outcome goes while it runs; the page's lists refresh after an answer. */
function useIngest() {
  const form = useForm<IngestAnswer>({ refresh: true });
  function ingest(send: () => Promise<IngestAnswer>, options?: RunOptions<IngestAnswer>) {
    form.reset();
    return form.run(send, options);
  }
  return { form, ingest };
}

/** The answer with a link to the article, or the problem — unless it is marked on one of `fields` already. */
function OutcomeLine({ form, fields, testId }: { form: Form<IngestAnswer>; fields: string[]; testId: string }) {
  const t = useTranslations("news");
  const answer = form.done;
  const onField = fields.some((name) => form.errors[name]?.length);
  return (
    <div role="status" aria-live="polite" className="text-sm" data-testid={testId}>
      {form.problem && !onField ? <p className="text-red-700 dark:text-red-400">{form.problem.message}</p> : null}
      {answer ? (
        <p className="text-emerald-700 dark:text-emerald-400">
          {answer.status === "created" ? t("created", { count: answer.proposals }) : t("duplicate", { by: answer.by })}{" "}
          <Link href={`/news/${answer.articleId}`} className="font-medium text-accent underline underline-offset-4">
            {t("open")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function SubmitButton({ form, label }: { form: Form<IngestAnswer>; label: string }) {
  const t = useTranslations("news");
  return (
    <div>
      <Button type="submit" disabled={!form.ready || form.pending}>
        {form.pending ? t("working") : label}
      </Button>
    </div>
  );
}

function PasteForm() {
  const t = useTranslations("news");
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [publishedOn, setPublishedOn] = useState("");
  const { form, ingest } = useIngest();

  function submit(event: FormEvent) {
    event.preventDefault();
    void ingest(() => trpc.articles.ingestText.mutate({ text, title, url, publishedOn }));
  }
  const errors = form.errors;
  return (
    <form onSubmit={submit} aria-label={t("paste.title")} aria-busy={form.pending} className="grid gap-3" noValidate>
      <fieldset disabled={!form.ready} className="contents">
        <Field id="paste-text" label={t("paste.text")} errors={errors.text}>
          {(control) => <textarea {...control} value={text} onChange={(e) => setText(e.target.value)} rows={8} className={`${inputClass} h-auto py-1`} />}
        </Field>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id="paste-title" label={t("paste.titleField")}>
            {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} className={inputClass} />}
          </Field>
          <Field id="paste-url" label={t("paste.url")} errors={errors.url}>
            {(control) => <input {...control} type="url" value={url} onChange={(e) => setUrl(e.target.value)} className={inputClass} />}
          </Field>
          <Field id="paste-date" label={t("paste.publishedOn")} errors={errors.publishedOn}>
            {(control) => <input {...control} type="date" value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} className={inputClass} />}
          </Field>
        </div>
        <SubmitButton form={form} label={t("paste.submit")} />
        <OutcomeLine form={form} fields={["text", "url", "publishedOn"]} testId="paste-status" />
      </fieldset>
    </form>
  );
}

/** The upload endpoint's refusal, shown on the file field. */
class UploadRefused extends Error {}

async function uploadArticle(file: File): Promise<IngestAnswer> {
  const body = new FormData();
  body.append("file", file);
  const res = await fetch("/api/articles/upload", { method: "POST", body });
  const json = (await res.json().catch(() => null)) as (IngestAnswer & { error?: { field: string; message: string } }) | null;
  if (res.ok && json && !json.error) return json;
  throw new UploadRefused(json?.error?.message ?? `HTTP ${res.status}`);
}

function UploadForm() {
  const t = useTranslations("news");
  const [file, setFile] = useState<File | null>(null);
  const { form, ingest } = useIngest();
  const onFile = (message: string): FormProblem => ({ message, fields: { file: [message] }, rows: [], code: null });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return form.fail(onFile(t("upload.chooseFile")));
    void ingest(() => uploadArticle(file), {
      problem: (error) => (error instanceof UploadRefused ? onFile(error.message) : { message: t("network"), fields: {}, rows: [], code: null }),
    });
  }
  return (
    <form onSubmit={submit} aria-label={t("upload.title")} aria-busy={form.pending} className="grid gap-3">
      <fieldset disabled={!form.ready} className="contents">
        <Field id="upload-file" label={t("upload.file")} errors={form.errors.file}>
          {(control) => (
            <input {...control} type="file" accept=".txt,.html,.htm,.md,text/plain,text/html,text/markdown" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="text-sm" />
          )}
        </Field>
        <SubmitButton form={form} label={t("upload.submit")} />
        <OutcomeLine form={form} fields={["file"]} testId="upload-status" />
      </fieldset>
    </form>
  );
}

function UrlForm() {
  const t = useTranslations("news");
  const [url, setUrl] = useState("");
  const { form, ingest } = useIngest();

  function submit(event: FormEvent) {
    event.preventDefault();
    void ingest(() => trpc.articles.ingestUrl.mutate({ url }));
  }
  return (
    <form onSubmit={submit} aria-label={t("url.title")} aria-busy={form.pending} className="grid gap-3" noValidate>
      <fieldset disabled={!form.ready} className="contents">
        <Field id="ingest-url" label={t("url.url")} hint={t("url.hint")} errors={form.errors.url}>
          {(control) => <input {...control} type="url" value={url} onChange={(e) => setUrl(e.target.value)} className={inputClass} />}
        </Field>
        <SubmitButton form={form} label={t("url.submit")} />
        <OutcomeLine form={form} fields={["url"]} testId="url-status" />
      </fieldset>
    </form>
  );
}

export function IngestForms() {
  const t = useTranslations("news");
  const cards = [
    { key: "paste", title: t("paste.title"), form: <PasteForm />, wide: true },
    { key: "upload", title: t("upload.title"), form: <UploadForm /> },
    { key: "url", title: t("url.title"), form: <UrlForm /> },
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {cards.map((card) => (
        <Card key={card.key} className={card.wide ? "lg:col-span-2" : undefined}>
          <CardHeader>
            <CardTitle>{card.title}</CardTitle>
          </CardHeader>
          <CardContent>{card.form}</CardContent>
        </Card>
      ))}
    </div>
  );
}
