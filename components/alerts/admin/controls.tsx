"use client";
// The alerts admin page's controls: pause/resume anyone's subscription, and the test email form.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FieldErrors, inputClass } from "@/components/records/field-input";
import { FormStatus } from "@/components/records/record-form";
import { Button } from "@/components/ui/button";
import { problemFrom, problemFromIssues, trpc, type FormProblem } from "@/lib/trpc-client";
import { LOCALES, type Locale } from "@/server/core/constants";
import { sendTestInput } from "@/server/alerts/schemas";
import { COMMON_ZONES } from "@/components/alerts/zones";

export function SubscriptionToggle({ subscriberId, subscriptionId, active, label }: { subscriberId: number; subscriptionId: number; active: boolean; label: string }) {
  const t = useTranslations("alertsAdmin");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function press() {
    setPending(true);
    try {
      await trpc.alerts.admin.setSubscriptionActive.mutate({ subscriberId, subscriptionId, active: !active });
      setError(null);
      router.refresh();
    } catch (e) {
      setError(problemFrom(e).message);
    } finally {
      setPending(false);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="outline" size="sm" disabled={pending} onClick={() => void press()} aria-label={`${active ? t("pause") : t("resume")}: ${label}`}>
        {active ? t("pause") : t("resume")}
      </Button>
      <span role="status" className="text-xs text-red-700 dark:text-red-400">
        {error}
      </span>
    </span>
  );
}

export function SendTestForm() {
  const t = useTranslations("alertsAdmin");
  const tLocale = useTranslations("locale");
  const router = useRouter();
  const locale = useLocale();
  const [email, setEmail] = useState("");
  const [language, setLanguage] = useState<Locale>(locale);
  const [timeZone, setTimeZone] = useState("Asia/Seoul");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [queued, setQueued] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setQueued(null);
    const input = { email: email.trim(), language, timeZone: timeZone.trim() };
    const checked = sendTestInput.safeParse(input);
    if (!checked.success) {
      setProblem(problemFromIssues(checked.error.issues));
      statusRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      const { emailId } = await trpc.alerts.admin.sendTest.mutate(input);
      setProblem(null);
      setQueued(emailId);
      router.refresh();
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
      statusRef.current?.focus();
    }
  }

  const errors = problem?.fields ?? {};
  return (
    <form onSubmit={submit} noValidate aria-busy={pending} aria-label={t("testLabel")} className="grid gap-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="grid gap-1">
          <label htmlFor="test-email" className="text-xs font-medium">
            {t("email")}
          </label>
          <input id="test-email" type="email" maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass + " w-64"} aria-invalid={errors.email ? true : undefined} aria-describedby={errors.email ? "test-email-error" : undefined} />
          <FieldErrors id="test-email-error" errors={errors.email} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="test-language" className="text-xs font-medium">
            {t("language")}
          </label>
          <select id="test-language" value={language} onChange={(e) => setLanguage(e.target.value as Locale)} className={inputClass + " w-32"}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {tLocale(l)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <label htmlFor="test-timeZone" className="text-xs font-medium">
            {t("timeZone")}
          </label>
          <input id="test-timeZone" list="test-zones" maxLength={64} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} className={inputClass + " w-48"} aria-invalid={errors.timeZone ? true : undefined} aria-describedby={errors.timeZone ? "test-timeZone-error" : undefined} />
          <datalist id="test-zones">
            {COMMON_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <FieldErrors id="test-timeZone-error" errors={errors.timeZone} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("sending") : t("send")}
        </Button>
        <div ref={statusRef} tabIndex={-1} className="outline-none">
          <FormStatus problem={problem} saved={queued ? t("testQueued", { id: String(queued) }) : null} />
        </div>
        {queued ? (
          <Link href={`/admin/alerts/mail/${queued}`} className="text-sm text-accent underline underline-offset-4">
            {t("openPreview")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
