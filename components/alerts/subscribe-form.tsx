"use client";
// The public subscribe form: checked with the server's own schema before sending; the answer is always "check your
// inbox" (double opt-in), whatever the address.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FieldErrors, inputClass } from "@/components/records/field-input";
import { FormStatus } from "@/components/records/record-form";
import { Button } from "@/components/ui/button";
import { problemFrom, trpc, type FormProblem } from "@/lib/trpc-client";
import { LOCALES, type Locale } from "@/server/core/constants";
import { subscribeInput } from "@/server/alerts/schemas";
import { issuesToFields, NEW_SUBSCRIPTION, SubscriptionFields, toSubscriptionInput, type DeadlineChoice } from "./subscription-fields";
import { browserZone, COMMON_ZONES } from "./zones";

export function SubscribeForm({ deadlines }: { deadlines: DeadlineChoice[] }) {
  const t = useTranslations("alerts");
  const tLocale = useTranslations("locale");
  const locale = useLocale();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [timeZone, setTimeZone] = useState("");
  const [language, setLanguage] = useState<Locale>(locale);
  const [subscription, setSubscription] = useState(NEW_SUBSCRIPTION);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  // The browser's zone, once on the client (the server cannot know it).
  useEffect(() => setTimeZone((z) => z || browserZone() || "Asia/Seoul"), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const input = { email: email.trim(), name: name.trim() || undefined, timeZone: timeZone.trim(), language, subscription: toSubscriptionInput(subscription) };
    const checked = subscribeInput.safeParse(input);
    if (!checked.success) {
      setProblem({ message: t("fixFields"), fields: issuesToFields(checked.error.issues), rows: [], code: "BAD_REQUEST" });
      statusRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      await trpc.alerts.subscribe.mutate(input);
      setProblem(null);
      setDone(t("checkInbox", { email: checked.data.email }));
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
      statusRef.current?.focus();
    }
  }

  const errors = problem?.fields ?? {};
  const aria = (field: string, hint?: string) => ({
    "aria-invalid": errors[field]?.length ? true : undefined,
    "aria-describedby": [errors[field]?.length ? `subscribe-${field}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined,
  });

  return (
    <form onSubmit={submit} noValidate aria-busy={pending} aria-label={t("formLabel")} className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid content-start gap-1">
          <label htmlFor="subscribe-email" className="text-xs font-medium">
            {t("email")}
          </label>
          <input id="subscribe-email" type="email" autoComplete="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass} {...aria("email")} />
          <FieldErrors id="subscribe-email-error" errors={errors.email} />
        </div>
        <div className="grid content-start gap-1">
          <label htmlFor="subscribe-name" className="text-xs font-medium">
            {t("name")} <span className="font-normal text-muted-foreground">({t("optional")})</span>
          </label>
          <input id="subscribe-name" autoComplete="name" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} {...aria("name")} />
          <FieldErrors id="subscribe-name-error" errors={errors.name} />
        </div>
        <div className="grid content-start gap-1">
          <label htmlFor="subscribe-timeZone" className="text-xs font-medium">
            {t("timeZone")}
          </label>
          <input
            id="subscribe-timeZone"
            list="subscribe-zones"
            maxLength={64}
            autoComplete="off"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            className={inputClass}
            {...aria("timeZone", "subscribe-timeZone-hint")}
          />
          <datalist id="subscribe-zones">
            {COMMON_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <p id="subscribe-timeZone-hint" className="text-xs text-muted-foreground">
            {t("timeZoneHint")}
          </p>
          <FieldErrors id="subscribe-timeZone-error" errors={errors.timeZone} />
        </div>
        <div className="grid content-start gap-1">
          <label htmlFor="subscribe-language" className="text-xs font-medium">
            {t("language")}
          </label>
          <select id="subscribe-language" value={language} onChange={(e) => setLanguage(e.target.value as Locale)} className={inputClass} {...aria("language")}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {tLocale(l)}
              </option>
            ))}
          </select>
          <FieldErrors id="subscribe-language-error" errors={errors.language} />
        </div>
        <SubscriptionFields idPrefix="subscribe" value={subscription} onChange={setSubscription} errors={errors} deadlines={deadlines} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("subscribing") : t("subscribe")}
        </Button>
        <div ref={statusRef} tabIndex={-1} className="outline-none">
          <FormStatus problem={problem} saved={done} />
        </div>
      </div>
    </form>
  );
}
