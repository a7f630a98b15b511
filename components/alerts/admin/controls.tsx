"use client";
// The alerts admin page's controls: pause/resume anyone's subscription, and the test email form.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter, InlineProblem } from "@/components/ui/form-status";
import { LanguageField } from "@/components/ui/language-field";
import { ZoneField } from "@/components/ui/time-zones";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";
import type { Locale } from "@/server/core/constants";
import { sendTestInput } from "@/server/alerts/schemas";

export function SubscriptionToggle({ subscriberId, subscriptionId, active, label }: { subscriberId: number; subscriptionId: number; active: boolean; label: string }) {
  const t = useTranslations("alertsAdmin");
  const form = useForm({ refresh: true });
  const press = () =>
    form.run(async () => {
      await trpc.alerts.admin.setSubscriptionActive.mutate({ subscriberId, subscriptionId, active: !active });
      return null;
    });
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="outline" size="sm" disabled={!form.ready || form.pending} onClick={() => void press()} aria-label={`${active ? t("pause") : t("resume")}: ${label}`}>
        {active ? t("pause") : t("resume")}
      </Button>
      <InlineProblem problem={form.problem} />
    </span>
  );
}

export function SendTestForm() {
  const t = useTranslations("alertsAdmin");
  const locale = useLocale();
  const form = useForm<number>({ refresh: true });
  const [email, setEmail] = useState("");
  const [language, setLanguage] = useState<Locale>(locale);
  const [timeZone, setTimeZone] = useState("Asia/Seoul");

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { email: email.trim(), language, timeZone: timeZone.trim() };
    if (!form.check(sendTestInput, input)) return;
    void form.run(async () => (await trpc.alerts.admin.sendTest.mutate(input)).emailId);
  }

  const errors = form.errors;
  const queued = form.done;
  return (
    <form onSubmit={submit} noValidate aria-busy={form.pending} aria-label={t("testLabel")} className="grid gap-3">
      <fieldset disabled={!form.ready} className="contents">
        <div className="flex flex-wrap items-start gap-3">
          <Field id="test-email" label={t("email")} errors={errors.email}>
            {(control) => <input {...control} type="email" maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass + " w-64"} />}
          </Field>
          <LanguageField id="test-language" label={t("language")} value={language} onChange={setLanguage} errors={errors.language} selectClassName="w-32" />
          <ZoneField id="test-timeZone" listId="test-zones" label={t("timeZone")} value={timeZone} onChange={setTimeZone} errors={errors.timeZone} inputClassName="w-48" />
        </div>
        <FormFooter form={form} submit={form.pending ? t("sending") : t("send")} saved={queued ? t("testQueued", { id: String(queued) }) : null}>
          {queued ? (
            <Link href={`/admin/alerts/mail/${queued}`} className="text-sm text-accent underline underline-offset-4">
              {t("openPreview")}
            </Link>
          ) : null}
        </FormFooter>
      </fieldset>
    </form>
  );
}
