"use client";
// The manage page's controls, authorised by the link's token: pause or resume each subscription, follow something
// else, and the name, language and zone the emails use. Each change refreshes the page from the server.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter, FormStatus } from "@/components/ui/form-status";
import { LanguageField } from "@/components/ui/language-field";
import { ZoneField } from "@/components/ui/time-zones";
import { useForm } from "@/components/ui/use-form";
import { trpc, type Issue } from "@/lib/trpc-client";
import type { Locale } from "@/server/core/constants";
import { managePreferencesInput, subscriptionFields } from "@/server/alerts/schemas";
import { QuietHoursForm, type QuietValue } from "./contact-points/quiet-form";
import { followsLabel } from "./follows";
import { OwnChannelsCard, type OwnChannel } from "./own-channels";
import { ManageSubscriptionsTable, type ManagedSubscription } from "./manage-subscriptions-table";
import { NEW_SUBSCRIPTION, SubscriptionFields, subscriptionIssue, toSubscriptionInput, type DeadlineChoice } from "./subscription-fields";

export type { ManagedSubscription };
export type ManagedSubscriber = { email: string; name: string | null; timeZone: string; language: Locale } & QuietValue;

export function ManagePanel({
  token,
  subscriber,
  subscriptions,
  deadlines,
  channels,
}: {
  token: string;
  subscriber: ManagedSubscriber;
  subscriptions: ManagedSubscription[];
  deadlines: DeadlineChoice[];
  channels: OwnChannel[];
}) {
  const tAll = useTranslations();
  return (
    <div className="grid gap-6">
      <SubscriptionsCard token={token} subscriptions={subscriptions} />
      <AddSubscriptionCard token={token} deadlines={deadlines} />
      <PreferencesCard token={token} subscriber={subscriber} />
      <QuietCard token={token} subscriber={subscriber} />
      <OwnChannelsCard token={token} channels={channels} subscriptions={subscriptions.map((s) => ({ id: s.id, label: `${followsLabel(tAll, s.scope, s.scopeValue)} · ${s.offsets}` }))} />
    </div>
  );
}

function SubscriptionsCard({ token, subscriptions }: { token: string; subscriptions: ManagedSubscription[] }) {
  const t = useTranslations("alerts");
  const tAll = useTranslations();
  const toggle = useForm({ refresh: true });
  const setActive = (s: ManagedSubscription) =>
    toggle.run(async () => {
      await trpc.alerts.manage.setActive.mutate({ token, subscriptionId: s.id, active: !s.active });
      return `${followsLabel(tAll, s.scope, s.scopeValue)}: ${s.active ? t("paused") : t("active")}`;
    });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("subscriptions")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 overflow-x-auto">
        {subscriptions.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noSubscriptions")}</p>
        ) : (
          <ManageSubscriptionsTable subscriptions={subscriptions} pending={!toggle.ready || toggle.pending} onToggle={(s) => void setActive(s)} />
        )}
        <FormStatus problem={toggle.problem} saved={toggle.done} focusRef={toggle.statusRef} />
      </CardContent>
    </Card>
  );
}

function AddSubscriptionCard({ token, deadlines }: { token: string; deadlines: DeadlineChoice[] }) {
  const t = useTranslations("alerts");
  const add = useForm({ refresh: true });
  const [newSub, setNewSub] = useState(NEW_SUBSCRIPTION);

  function submit(event: FormEvent) {
    event.preventDefault();
    const subscription = toSubscriptionInput(newSub);
    // Checked alone, so its issues are named as the subscribe form's are (under "subscription").
    const map = (issue: Issue) => subscriptionIssue({ ...issue, path: ["subscription", ...issue.path] });
    if (!add.check(subscriptionFields, subscription, { map, message: t("fixFields") })) return;
    void add.run(async () => {
      await trpc.alerts.manage.add.mutate({ token, subscription });
      setNewSub(NEW_SUBSCRIPTION);
      return t("added");
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("addTitle")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate aria-busy={add.pending} aria-label={t("addLabel")} className="grid gap-4">
          <fieldset disabled={!add.ready} className="contents">
            <div className="grid gap-4 sm:grid-cols-2">
              <SubscriptionFields idPrefix="manage-add" value={newSub} onChange={setNewSub} errors={add.errors} deadlines={deadlines} />
            </div>
            <FormFooter form={add} submit={t("add")} />
          </fieldset>
        </form>
      </CardContent>
    </Card>
  );
}

function PreferencesCard({ token, subscriber }: { token: string; subscriber: ManagedSubscriber }) {
  const t = useTranslations("alerts");
  const prefs = useForm({ refresh: true });
  const [name, setName] = useState(subscriber.name ?? "");
  const [timeZone, setTimeZone] = useState(subscriber.timeZone);
  const [language, setLanguage] = useState<Locale>(subscriber.language);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { token, name: name.trim() || null, timeZone: timeZone.trim(), language };
    if (!prefs.check(managePreferencesInput, input, { map: subscriptionIssue, message: t("fixFields") })) return;
    void prefs.run(async () => {
      await trpc.alerts.manage.setPreferences.mutate(input);
      return t("saved");
    });
  }

  const errors = prefs.errors;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("preferencesTitle")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate aria-busy={prefs.pending} aria-label={t("preferencesLabel")} className="grid gap-4">
          <fieldset disabled={!prefs.ready} className="contents">
            <div className="grid gap-4 sm:grid-cols-3">
              <Field id="manage-name" label={t("name")} optional={t("optional")} errors={errors.name}>
                {(control) => <input {...control} maxLength={120} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />}
              </Field>
              <ZoneField id="manage-timeZone" listId="manage-zones" label={t("timeZone")} value={timeZone} onChange={setTimeZone} errors={errors.timeZone} />
              <LanguageField id="manage-language" label={t("language")} value={language} onChange={setLanguage} errors={errors.language} />
            </div>
            <FormFooter form={prefs} submit={prefs.pending ? t("saving") : t("save")} />
          </fieldset>
        </form>
      </CardContent>
    </Card>
  );
}

/** Quiet hours for this person's emails, in their zone. */
function QuietCard({ token, subscriber }: { token: string; subscriber: ManagedSubscriber }) {
  const t = useTranslations("contactPoints");
  const save = (value: QuietValue) => trpc.alerts.manage.setQuietHours.mutate({ token, ...value });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("quietTitle")}</CardTitle>
      </CardHeader>
      <CardContent>
        <QuietHoursForm idPrefix="manage-quiet" initial={subscriber} zone={subscriber.timeZone} save={save} />
      </CardContent>
    </Card>
  );
}
