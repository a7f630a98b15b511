"use client";
// Adding a team contact point: name, type, the webhook URL (a secret: typed once, never shown again), language, zone
// and what it follows. A webhook's signing secret is shown here once, after saving.
import { useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { LanguageField } from "@/components/ui/language-field";
import { ZoneField } from "@/components/ui/time-zones";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";
import { ContactPointTypeField } from "./type-field";
import type { Locale } from "@/server/core/constants";
import type { ContactPointType } from "@/server/alerts/constants";
import { createContactPointInput } from "@/server/alerts/schemas";
import { NEW_SUBSCRIPTION, SubscriptionFields, subscriptionIssue, toSubscriptionInput, type DeadlineChoice } from "@/components/alerts/subscription-fields";

export function AddContactPointForm({ deadlines }: { deadlines: DeadlineChoice[] }) {
  const t = useTranslations("contactPoints");
  const locale = useLocale();
  const form = useForm<{ id: number; signingSecret: string | null }>({ refresh: true });
  const [name, setName] = useState("");
  const [type, setType] = useState<ContactPointType>("slack");
  const [url, setUrl] = useState("");
  const [language, setLanguage] = useState<Locale>(locale);
  const [timeZone, setTimeZone] = useState("Asia/Seoul");
  const [subscription, setSubscription] = useState(NEW_SUBSCRIPTION);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { name: name.trim(), type, url: url.trim(), language, timeZone: timeZone.trim(), subscription: toSubscriptionInput(subscription) };
    if (!form.check(createContactPointInput, input, { map: subscriptionIssue, message: t("fixFields") })) return;
    void form.run(async () => {
      const created = await trpc.alerts.admin.contactPoints.create.mutate(input);
      setUrl(""); // the secret leaves the page as soon as it is saved
      return created;
    });
  }

  const errors = form.errors;
  const created = form.done;
  return (
    <form onSubmit={submit} noValidate aria-busy={form.pending} aria-label={t("addLabel")} className="grid gap-4">
      <fieldset disabled={!form.ready} className="contents">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="cp-name" label={t("name")} errors={errors.name}>
            {(control) => <input {...control} maxLength={120} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />}
          </Field>
          <ContactPointTypeField id="cp-type" value={type} onChange={setType} errors={errors.type} />
          <Field id="cp-url" label={t("url")} hint={t(`urlHint.${type}`)} errors={errors.url} className="sm:col-span-2">
            {(control) => <input {...control} type="url" inputMode="url" autoComplete="off" spellCheck={false} maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} className={inputClass + " font-mono"} />}
          </Field>
          <LanguageField id="cp-language" label={t("language")} value={language} onChange={setLanguage} errors={errors.language} />
          <ZoneField id="cp-timeZone" listId="cp-zones" label={t("timeZone")} value={timeZone} onChange={setTimeZone} errors={errors.timeZone} />
          <SubscriptionFields idPrefix="cp" value={subscription} onChange={setSubscription} errors={errors} deadlines={deadlines} />
        </div>
        <FormFooter form={form} submit={form.pending ? t("adding") : t("add")} saved={created ? t("added") : null} />
        {created?.signingSecret ? (
          <div className="rounded-md border border-amber-600/40 bg-amber-50 p-3 text-sm dark:bg-amber-950/40" data-testid="signing-secret">
            <p className="font-medium">{t("secretOnce")}</p>
            <code className="mt-2 block break-all font-mono text-xs">{created.signingSecret}</code>
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}
