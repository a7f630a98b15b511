"use client";
// Subscribe to a feed, or change one: name, URL (new feeds only), keywords separated by commas, minutes between
// checks. Checked with the shared schema before sending; the server's refusals (e.g. a URL already subscribed) on
// their fields.
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FieldErrors, inputClass } from "@/components/records/field-input";
import { FormStatus } from "@/components/records/record-form";
import { Button } from "@/components/ui/button";
import { problemFrom, problemFromIssues, trpc, type FormProblem } from "@/lib/trpc-client";
import { DEFAULT_FEED_KEYWORDS, FEED_INTERVAL_MINUTES } from "@/server/news/constants";
import { createFeedInput, FEED_INTERVAL_LIMITS, splitKeywords, updateFeedInput } from "@/server/news/feeds/schemas";

type Initial = { id: number; name: string; keywords: string[]; intervalMinutes: number };

const numberOf = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

export function FeedForm({ initial }: { initial?: Initial }) {
  const t = useTranslations("feeds");
  const router = useRouter();
  const idPrefix = initial ? `feed-${initial.id}` : "feed-new";
  const [name, setName] = useState(initial?.name ?? "");
  const [url, setUrl] = useState("");
  const [keywords, setKeywords] = useState((initial?.keywords ?? DEFAULT_FEED_KEYWORDS).join(", "));
  const [interval, setInterval] = useState(String(initial?.intervalMinutes ?? FEED_INTERVAL_MINUTES));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const common = { name, keywords: splitKeywords(keywords), intervalMinutes: numberOf(interval) };
    const input = initial ? { id: initial.id, ...common } : { ...common, url };
    const checked = (initial ? updateFeedInput : createFeedInput).safeParse(input);
    if (!checked.success) {
      setProblem(problemFromIssues(checked.error.issues));
      statusRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      if (initial) await trpc.feeds.update.mutate(input as { id: number });
      else await trpc.feeds.create.mutate(input as { name: string; url: string });
      setProblem(null);
      setSaved(initial ? t("saved") : t("created"));
      if (!initial) {
        setName("");
        setUrl("");
      }
      router.refresh();
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
      statusRef.current?.focus();
    }
  }

  const errors = problem?.fields ?? {};
  const label = "text-xs font-medium";
  const describe = (field: string) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${idPrefix}-${field}-error` } : {});
  return (
    <form onSubmit={submit} noValidate aria-busy={pending} aria-label={initial ? t("editTitle", { name: initial.name }) : t("newTitle")} className="grid gap-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid content-start gap-1">
          <label htmlFor={`${idPrefix}-name`} className={label}>{t("name")}</label>
          <input id={`${idPrefix}-name`} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} {...describe("name")} />
          <FieldErrors id={`${idPrefix}-name-error`} errors={errors.name} />
        </div>
        {initial ? null : (
          <div className="grid content-start gap-1">
            <label htmlFor={`${idPrefix}-url`} className={label}>{t("url")}</label>
            <input id={`${idPrefix}-url`} type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} className={inputClass} {...describe("url")} />
            <FieldErrors id={`${idPrefix}-url-error`} errors={errors.url} />
          </div>
        )}
        <div className="grid content-start gap-1">
          <label htmlFor={`${idPrefix}-keywords`} className={label}>{t("keywords")}</label>
          <input id={`${idPrefix}-keywords`} value={keywords} onChange={(e) => setKeywords(e.target.value)} className={inputClass} aria-describedby={`${idPrefix}-keywords-hint`} />
          <p id={`${idPrefix}-keywords-hint`} className="text-xs text-muted-foreground">{t("keywordsHint")}</p>
          <FieldErrors id={`${idPrefix}-keywords-error`} errors={errors.keywords} />
        </div>
        <div className="grid content-start gap-1">
          <label htmlFor={`${idPrefix}-interval`} className={label}>{t("interval")}</label>
          <input id={`${idPrefix}-interval`} inputMode="numeric" value={interval} onChange={(e) => setInterval(e.target.value)} className={inputClass} {...describe("intervalMinutes")} />
          <p className="text-xs text-muted-foreground">{t("intervalHint", { min: FEED_INTERVAL_LIMITS.min, max: FEED_INTERVAL_LIMITS.max })}</p>
          <FieldErrors id={`${idPrefix}-intervalMinutes-error`} errors={errors.intervalMinutes} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? t("saving") : initial ? t("save") : t("add")}</Button>
        <div ref={statusRef} tabIndex={-1} className="outline-none">
          <FormStatus problem={problem} saved={saved} />
        </div>
      </div>
    </form>
  );
}
