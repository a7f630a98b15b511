// The alerts admin page: delivery mode, the test email, the scheduled jobs, every subscriber (pause/resume), the
// notification history with filters ("why did or didn't I get this?") and the outbox with its mail preview.
// Filters are a plain GET form, so they live in the URL.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SendTestForm } from "@/components/alerts/admin/controls";
import { HistoryTable } from "@/components/alerts/admin/history-table";
import { JobsTable } from "@/components/alerts/admin/jobs-table";
import { OutboxTable } from "@/components/alerts/admin/outbox-table";
import { SubscribersTable } from "@/components/alerts/admin/subscribers-table";
import { inputClass } from "@/components/records/field-input";
import { PageHeader } from "@/components/layout/page-header";
import { toneClassName } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from "@/server/alerts/constants";
import { signedInContext, type SearchParams } from "@/app/_lib/page-context";
import { historyInput } from "@/server/alerts/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alertsAdmin");
  return { title: t("title") };
}

const FILTERS = ["email", "deadlineKey", "status", "kind"] as const;

export default async function AlertsAdminPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await signedInContext("/admin/alerts");
  const t = await getTranslations("alertsAdmin");
  if (ctx.user.role !== "admin") return <PageHeader title={t("title")} description={t("adminOnly")} />;

  const params = await searchParams;
  const raw: Record<string, string> = {};
  for (const name of [...FILTERS, "before", "outboxBefore"] as const) {
    const v = params[name];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) raw[name] = s;
  }
  const parsed = historyInput.safeParse({ ...raw, outboxBefore: undefined, before: raw.before ? Number(raw.before) : undefined, limit: 50 });
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".") || "filter"}: ${i.message}`);
  const outboxBefore = Number(raw.outboxBefore);
  const [delivery, jobs, subscribers, history, outbox] = await Promise.all([
    ctx.api.alerts.admin.delivery(),
    ctx.api.alerts.admin.jobs(),
    ctx.api.alerts.admin.subscribers(),
    ctx.api.alerts.admin.history(parsed.success ? parsed.data : { limit: 50 }),
    ctx.api.alerts.admin.outbox({ limit: 50, before: Number.isSafeInteger(outboxBefore) && outboxBefore > 0 ? outboxBefore : undefined }),
  ]);
  const olderHistory = new URLSearchParams(Object.entries(raw).filter(([k]) => FILTERS.includes(k as (typeof FILTERS)[number])));
  if (history.nextBefore) olderHistory.set("before", String(history.nextBefore));
  const lastOutboxId = outbox.emails.at(-1)?.id;
  const label = "text-xs font-medium";
  const link = "text-sm text-accent underline underline-offset-4";

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className={cn("mb-6 rounded-md border p-3 text-sm", toneClassName(delivery.smtp ? "success" : "warning"))} data-testid="delivery-mode">
        {delivery.smtp ? t("smtp") : t("held")}
      </p>
      <div className="grid gap-6">
        <Card>
          <CardHeader className="flex-col">
            <CardTitle>{t("testTitle")}</CardTitle>
            <CardDescription>{t("testHint")}</CardDescription>
          </CardHeader>
          <CardContent>
            <SendTestForm />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("jobsTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <JobsTable jobs={jobs} locale={ctx.locale} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("subscribersTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <SubscribersTable subscribers={subscribers} />
          </CardContent>
        </Card>

        <Card id="history">
          <CardHeader className="flex-col">
            <CardTitle>{t("historyTitle")}</CardTitle>
            <CardDescription>{t("historyHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <form method="get" action="/admin/alerts#history" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
              <div className="grid gap-1">
                <label htmlFor="history-email" className={label}>{t("filterEmail")}</label>
                <input id="history-email" name="email" type="email" defaultValue={raw.email ?? ""} maxLength={254} className={inputClass} />
              </div>
              <div className="grid gap-1">
                <label htmlFor="history-deadline" className={label}>{t("filterDeadline")}</label>
                <input id="history-deadline" name="deadlineKey" defaultValue={raw.deadlineKey ?? ""} maxLength={80} className={inputClass} />
              </div>
              <div className="grid gap-1">
                <label htmlFor="history-status" className={label}>{t("filterStatus")}</label>
                <select id="history-status" name="status" defaultValue={raw.status ?? ""} className={inputClass}>
                  <option value="">{t("any")}</option>
                  {NOTIFICATION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`notificationStatus.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="grid gap-1">
                <label htmlFor="history-kind" className={label}>{t("filterKind")}</label>
                <select id="history-kind" name="kind" defaultValue={raw.kind ?? ""} className={inputClass}>
                  <option value="">{t("any")}</option>
                  {NOTIFICATION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`notificationKind.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <Button type="submit">{t("apply")}</Button>
              <Link href="/admin/alerts#history" className={link}>
                {t("clear")}
              </Link>
            </form>
            {problems.length ? (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {t("badFilter")} {problems.join("; ")}
              </p>
            ) : null}
            <div className="overflow-x-auto">
              <HistoryTable entries={history.entries} locale={ctx.locale} />
            </div>
            {history.nextBefore ? (
              <p>
                <Link href={`/admin/alerts?${olderHistory.toString()}#history`} className={link}>
                  {t("older")}
                </Link>
              </p>
            ) : null}
          </CardContent>
        </Card>

        <Card id="outbox">
          <CardHeader className="flex-col">
            <CardTitle>{t("outboxTitle")}</CardTitle>
            <CardDescription>
              {t("outboxHint")}{" "}
              {outbox.counts.map((c) => `${t(`emailStatus.${c.status}`)}: ${c.n}`).join(" · ")}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 overflow-x-auto">
            <OutboxTable emails={outbox.emails} locale={ctx.locale} />
            {outbox.emails.length === 50 && lastOutboxId ? (
              <p>
                <Link href={`/admin/alerts?outboxBefore=${lastOutboxId}#outbox`} className={link}>
                  {t("outboxOlder")}
                </Link>
              </p>
            ) : null}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
