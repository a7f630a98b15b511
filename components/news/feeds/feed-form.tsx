"use client";
// Subscribe to a feed, or change one: name, URL (new feeds only), keywords separated by commas, minutes between
// checks. Checked with the shared schema before sending; the server's refusals (e.g. a URL already subscribed) on
// their fields.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";
import { DEFAULT_FEED_KEYWORDS, FEED_INTERVAL_MINUTES } from "@/server/news/constants";
import { createFeedInput, FEED_INTERVAL_LIMITS, splitKeywords, updateFeedInput } from "@/server/news/feeds/schemas";

type Initial = { id: number; name: string; keywords: string[]; intervalMinutes: number };

const numberOf = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

export function FeedForm({ initial }: { initial?: Initial }) {
  const t = useTranslations("feeds");
  const form = useForm({ refresh: true });
  const idPrefix = initial ? `feed-${initial.id}` : "feed-new";
  const [name, setName] = useState(initial?.name ?? "");
  const [url, setUrl] = useState("");
  const [keywords, setKeywords] = useState((initial?.keywords ?? DEFAULT_FEED_KEYWORDS).join(", "));
  const [interval, setInterval] = useState(String(initial?.intervalMinutes ?? FEED_INTERVAL_MINUTES));

  function submit(event: FormEvent) {
    event.preventDefault();
    const common = { name, keywords: splitKeywords(keywords), intervalMinutes: numberOf(interval) };
    const checked = initial ? form.check(updateFeedInput, { id: initial.id, ...common }) : form.check(createFeedInput, { ...common, url });
    if (!checked) return;
    void form.run(async () => {
      if (initial) await trpc.feeds.update.mutate({ id: initial.id, ...common });
      else {
        await trpc.feeds.create.mutate({ ...common, url });
        setName("");
        setUrl("");
      }
      return initial ? t("saved") : t("created");
    });
  }

  const errors = form.errors;
  return (
    <form onSubmit={submit} noValidate aria-busy={form.pending} aria-label={initial ? t("editTitle", { name: initial.name }) : t("newTitle")} className="grid gap-3">
      <fieldset disabled={!form.ready} className="contents">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={`${idPrefix}-name`} label={t("name")} errors={errors.name}>
            {(control) => <input {...control} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />}
          </Field>
          {initial ? null : (
            <Field id={`${idPrefix}-url`} label={t("url")} errors={errors.url}>
              {(control) => <input {...control} type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} className={inputClass} />}
            </Field>
          )}
          <Field id={`${idPrefix}-keywords`} label={t("keywords")} hint={t("keywordsHint")} errors={errors.keywords}>
            {(control) => <input {...control} value={keywords} onChange={(e) => setKeywords(e.target.value)} className={inputClass} />}
          </Field>
          <Field id={`${idPrefix}-interval`} errorId={`${idPrefix}-intervalMinutes-error`} label={t("interval")} errors={errors.intervalMinutes}>
            {(control) => (
              <>
                <input {...control} inputMode="numeric" value={interval} onChange={(e) => setInterval(e.target.value)} className={inputClass} />
                <p className="text-xs text-muted-foreground">{t("intervalHint", { min: FEED_INTERVAL_LIMITS.min, max: FEED_INTERVAL_LIMITS.max })}</p>
              </>
            )}
          </Field>
        </div>
        <FormFooter form={form} submit={form.pending ? t("saving") : initial ? t("save") : t("add")} />
      </fieldset>
    </form>
  );
}
