"use client";
// The manage page's controls, authorised by the link's token: pause or resume each subscription, follow something
// else, and the name, language and zone the emails use. Each change refreshes the page from the server.
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FieldErrors, inputClass } from "@/components/records/field-input";
import { FormStatus } from "@/components/records/record-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { problemFrom, trpc, type FormProblem } from "@/lib/trpc-client";
import { LOCALES, type Locale } from "@/server/core/constants";
import { type SubscriptionScope } from "@/server/alerts/constants";
import { managePreferencesInput, subscriptionFields } from "@/server/alerts/schemas";
import { followsLabel } from "./follows";
import { issuesToFields, NEW_SUBSCRIPTION, SubscriptionFields, toSubscriptionInput, type DeadlineChoice } from "./subscription-fields";
import { COMMON_ZONES } from "./zones";

export type ManagedSubscription = { id: number; scope: SubscriptionScope; scopeValue: string; offsets: string; notifyMeasures: boolean; active: boolean };
export type ManagedSubscriber = { email: string; name: string | null; timeZone: string; language: Locale };

/** A form's outcome: one problem or one success message, announced next to its button. */
function useOutcome() {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  async function run(fn: () => Promise<string>) {
    setPending(true);
    setSaved(null);
    try {
      setSaved(await fn());
      setProblem(null);
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
      ref.current?.focus();
    }
  }
  const fail = (p: FormProblem) => {
    setSaved(null);
    setProblem(p);
    ref.current?.focus();
  };
  const status = (
    <div ref={ref} tabIndex={-1} className="outline-none">
      <FormStatus problem={problem} saved={saved} />
    </div>
  );
  return { run, fail, pending, problem, status };
}

export function ManagePanel({
  token,
  subscriber,
  subscriptions,
  deadlines,
}: {
  token: string;
  subscriber: ManagedSubscriber;
  subscriptions: ManagedSubscription[];
  deadlines: DeadlineChoice[];
}) {
  const t = useTranslations("alerts");
  const tAll = useTranslations();
  const tLocale = useTranslations("locale");
  const router = useRouter();
  const toggle = useOutcome();
  const add = useOutcome();
  const prefs = useOutcome();
  const [newSub, setNewSub] = useState(NEW_SUBSCRIPTION);
  const [name, setName] = useState(subscriber.name ?? "");
  const [timeZone, setTimeZone] = useState(subscriber.timeZone);
  const [language, setLanguage] = useState<Locale>(subscriber.language);

  const setActive = (s: ManagedSubscription) =>
    toggle.run(async () => {
      await trpc.alerts.manage.setActive.mutate({ token, subscriptionId: s.id, active: !s.active });
      router.refresh();
      return `${followsLabel(tAll, s.scope, s.scopeValue)}: ${s.active ? t("paused") : t("active")}`;
    });

  function submitAdd(event: FormEvent) {
    event.preventDefault();
    const subscription = toSubscriptionInput(newSub);
    const checked = subscriptionFields.safeParse(subscription);
    if (!checked.success) {
      const fields = issuesToFields(checked.error.issues.map((i) => ({ ...i, path: ["subscription", ...i.path] })));
      return add.fail({ message: t("fixFields"), fields, rows: [], code: "BAD_REQUEST" });
    }
    void add.run(async () => {
      await trpc.alerts.manage.add.mutate({ token, subscription });
      setNewSub(NEW_SUBSCRIPTION);
      router.refresh();
      return t("added");
    });
  }

  function submitPreferences(event: FormEvent) {
    event.preventDefault();
    const input = { token, name: name.trim() || null, timeZone: timeZone.trim(), language };
    const checked = managePreferencesInput.safeParse(input);
    if (!checked.success) return prefs.fail({ message: t("fixFields"), fields: issuesToFields(checked.error.issues), rows: [], code: "BAD_REQUEST" });
    void prefs.run(async () => {
      await trpc.alerts.manage.setPreferences.mutate(input);
      router.refresh();
      return t("saved");
    });
  }

  const prefErrors = prefs.problem?.fields ?? {};
  const cell = "py-2 pr-4";
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("subscriptions")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 overflow-x-auto">
          {subscriptions.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("noSubscriptions")}</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="manage-subscriptions">
              <thead className="text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className={`${cell} font-medium`}>{t("follows")}</th>
                  <th scope="col" className={`${cell} font-medium`}>{t("offsets")}</th>
                  <th scope="col" className={`${cell} font-medium`}>{t("changeNotices")}</th>
                  <th scope="col" className={`${cell} font-medium`}>{t("status")}</th>
                  <th scope="col" className="py-2 font-medium">{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {subscriptions.map((s) => {
                  const label = followsLabel(tAll, s.scope, s.scopeValue);
                  return (
                    <tr key={s.id} className="border-t border-border align-middle">
                      <th scope="row" className={`${cell} font-medium`}>{label}</th>
                      <td className={`${cell} font-mono text-xs`}>{s.offsets}</td>
                      <td className={cell}>{s.notifyMeasures ? t("yes") : t("no")}</td>
                      <td className={cell}>
                        <Badge tone={s.active ? "success" : "neutral"}>{s.active ? t("active") : t("paused")}</Badge>
                      </td>
                      <td className="py-2">
                        <Button variant="outline" size="sm" disabled={toggle.pending} onClick={() => void setActive(s)} aria-label={`${s.active ? t("pause") : t("resume")}: ${label}`}>
                          {s.active ? t("pause") : t("resume")}
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {toggle.status}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("addTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <form onSubmit={submitAdd} noValidate aria-busy={add.pending} aria-label={t("addLabel")} className="grid gap-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <SubscriptionFields idPrefix="manage-add" value={newSub} onChange={setNewSub} errors={add.problem?.fields ?? {}} deadlines={deadlines} />
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={add.pending}>
                {t("add")}
              </Button>
              {add.status}
            </div>
          </form>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("preferencesTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <form onSubmit={submitPreferences} noValidate aria-busy={prefs.pending} aria-label={t("preferencesLabel")} className="grid gap-4">
            <div className="grid gap-4 sm:grid-cols-3">
              <div className="grid content-start gap-1">
                <label htmlFor="manage-name" className="text-xs font-medium">
                  {t("name")} <span className="font-normal text-muted-foreground">({t("optional")})</span>
                </label>
                <input id="manage-name" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} aria-invalid={prefErrors.name ? true : undefined} aria-describedby={prefErrors.name ? "manage-name-error" : undefined} />
                <FieldErrors id="manage-name-error" errors={prefErrors.name} />
              </div>
              <div className="grid content-start gap-1">
                <label htmlFor="manage-timeZone" className="text-xs font-medium">
                  {t("timeZone")}
                </label>
                <input
                  id="manage-timeZone"
                  list="manage-zones"
                  maxLength={64}
                  autoComplete="off"
                  value={timeZone}
                  onChange={(e) => setTimeZone(e.target.value)}
                  className={inputClass}
                  aria-invalid={prefErrors.timeZone ? true : undefined}
                  aria-describedby={prefErrors.timeZone ? "manage-timeZone-error" : undefined}
                />
                <datalist id="manage-zones">
                  {COMMON_ZONES.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
                <FieldErrors id="manage-timeZone-error" errors={prefErrors.timeZone} />
              </div>
              <div className="grid content-start gap-1">
                <label htmlFor="manage-language" className="text-xs font-medium">
                  {t("language")}
                </label>
                <select id="manage-language" value={language} onChange={(e) => setLanguage(e.target.value as Locale)} className={inputClass}>
                  {LOCALES.map((l) => (
                    <option key={l} value={l}>
                      {tLocale(l)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={prefs.pending}>
                {prefs.pending ? t("saving") : t("save")}
              </Button>
              {prefs.status}
            </div>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
