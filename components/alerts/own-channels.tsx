"use client";
// The manage page's own channels: a Slack, Teams or webhook URL that gets one of this person's subscriptions, in
// their language, zone and quiet hours. The URL is shown back only as a hint; a webhook's secret once, on adding.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { FormFooter, InlineProblem } from "@/components/ui/form-status";
import { useForm } from "@/components/ui/use-form";
import { trpc } from "@/lib/trpc-client";
import { ContactPointTypeField } from "./contact-points/type-field";
import type { ContactPointType } from "@/server/alerts/constants";
import { manageAddChannelInput } from "@/server/alerts/schemas";

export type OwnChannel = { id: number; type: ContactPointType; urlHint: string };

export function OwnChannelsCard({ token, channels, subscriptions }: { token: string; channels: OwnChannel[]; subscriptions: { id: number; label: string }[] }) {
  const t = useTranslations("contactPoints");
  const form = useForm<{ signingSecret: string | null }>({ refresh: true });
  const remove = useForm({ refresh: true });
  const [type, setType] = useState<ContactPointType>("slack");
  const [url, setUrl] = useState("");
  const [subscriptionId, setSubscriptionId] = useState(subscriptions[0]?.id ?? 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { token, type, url: url.trim(), subscriptionId };
    if (!form.check(manageAddChannelInput, input)) return;
    void form.run(async () => {
      const made = await trpc.alerts.manage.addChannel.mutate(input);
      setUrl("");
      return { signingSecret: made.signingSecret };
    });
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("ownTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <ul className="grid gap-2 text-sm" data-testid="own-channels">
          {channels.length === 0 ? <li className="text-muted-foreground">{t("ownNone")}</li> : null}
          {channels.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-2">
              <span>{t(`types.${c.type}`)}</span>
              <span className="font-mono text-xs">{c.urlHint}</span>
              <Button variant="outline" size="sm" disabled={!remove.ready || remove.pending} onClick={() => void remove.run(async () => (await trpc.alerts.manage.removeChannel.mutate({ token, id: c.id }), null))} aria-label={`${t("endMute")}: ${c.urlHint}`}>
                {t("endMute")}
              </Button>
            </li>
          ))}
        </ul>
        <InlineProblem problem={remove.problem} />
        {subscriptions.length ? (
          <form onSubmit={submit} noValidate aria-busy={form.pending} aria-label={t("ownAdd")} className="grid gap-3">
            <fieldset disabled={!form.ready} className="contents">
              <div className="grid gap-3 sm:grid-cols-3">
                <ContactPointTypeField id="own-type" value={type} onChange={setType} errors={form.errors.type} />
                <Field id="own-url" label={t("url")} errors={form.errors.url} className="sm:col-span-2">
                  {(control) => <input {...control} type="url" autoComplete="off" spellCheck={false} maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} className={inputClass + " font-mono"} />}
                </Field>
                <Field id="own-subscription" label={t("follows")} errors={form.errors.subscriptionId} className="sm:col-span-3">
                  {(control) => (
                    <select {...control} value={subscriptionId} onChange={(e) => setSubscriptionId(Number(e.target.value))} className={inputClass}>
                      {subscriptions.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <FormFooter form={form} submit={form.pending ? t("adding") : t("ownAdd")} saved={form.done ? t("added") : null} />
              {form.done?.signingSecret ? (
                <p className="rounded-md border border-amber-600/40 bg-amber-50 p-3 text-sm dark:bg-amber-950/40">
                  {t("secretOnce")} <code className="break-all font-mono text-xs">{form.done.signingSecret}</code>
                </p>
              ) : null}
            </fieldset>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
