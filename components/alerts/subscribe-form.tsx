"use client";
// The public subscribe form: checked with the server's own schema before sending; the answer is always "check your
// inbox" (double opt-in), whatever the address.
import { useEffect, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-status";
import { LanguageField } from "@/components/ui/language-field";
import { browserZone, ZoneField } from "@/components/ui/time-zones";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";
import type { Locale } from "@/server/core/constants";
import { subscribeInput } from "@/server/alerts/schemas";
import { NEW_SUBSCRIPTION, SubscriptionFields, subscriptionIssue, toSubscriptionInput, type DeadlineChoice } from "./subscription-fields";

export function SubscribeForm({ deadlines }: { deadlines: DeadlineChoice[] }) {
  const t = useTranslations("alerts");
  const locale = useLocale();
  const form = useForm();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [timeZone, setTimeZone] = useState("");
  const [language, setLanguage] = useState<Locale>(locale);
  const [subscription, setSubscription] = useState(NEW_SUBSCRIPTION);

  // The browser's zone, once on the client (the server cannot know it).
  useEffect(() => setTimeZone((z) => z || browserZone() || "Asia/Seoul"), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { email: email.trim(), name: name.trim() || undefined, timeZone: timeZone.trim(), language, subscription: toSubscriptionInput(subscription) };
    const checked = form.check(subscribeInput, input, { map: subscriptionIssue, message: t("fixFields") });
    if (!checked) return;
    void form.run(async () => {
      await trpc.alerts.subscribe.mutate(input);
      return t("checkInbox", { email: checked.email });
    });
  }

  const errors = form.errors;
  return (
    <form onSubmit={submit} noValidate aria-busy={form.pending} aria-label={t("formLabel")} className="grid gap-4">
      <fieldset disabled={!form.ready} className="contents">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="subscribe-email" label={t("email")} errors={errors.email}>
            {(control) => <input {...control} type="email" autoComplete="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass} />}
          </Field>
          <Field id="subscribe-name" label={t("name")} optional={t("optional")} errors={errors.name}>
            {(control) => <input {...control} autoComplete="name" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />}
          </Field>
          <ZoneField id="subscribe-timeZone" listId="subscribe-zones" label={t("timeZone")} hint={t("timeZoneHint")} value={timeZone} onChange={setTimeZone} errors={errors.timeZone} />
          <LanguageField id="subscribe-language" label={t("language")} value={language} onChange={setLanguage} errors={errors.language} />
          <SubscriptionFields idPrefix="subscribe" value={subscription} onChange={setSubscription} errors={errors} deadlines={deadlines} />
        </div>
        <FormFooter form={form} submit={form.pending ? t("subscribing") : t("subscribe")} />
      </fieldset>
    </form>
  );
}
