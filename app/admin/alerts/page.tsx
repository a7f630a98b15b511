// The alerts admin page: delivery mode, the test email, the scheduled jobs, every subscriber (pause/resume), the
// notification history with filters ("why did or didn't I get this?") and the outbox with its mail preview.
// Filters are a plain GET form, so they live in the URL.
import { getTranslations } from "@/i18n/translations";
import { SendTestForm } from "@/components/alerts/admin/controls";
import { HistoryFilters } from "@/components/alerts/admin/history-filters";
import { HistoryTable } from "@/components/alerts/admin/history-table";
import { JobsTable } from "@/components/alerts/admin/jobs-table";
import { OutboxTable } from "@/components/alerts/admin/outbox-table";
import { SubscribersTable } from "@/components/alerts/admin/subscribers-table";
import { PageHeader } from "@/components/layout/page-header";
import { toneClassName } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { cn } from "@/lib/cn";
import { historyInput } from "@/server/alerts/schemas";
import { signedInContext, type SearchParams } from "@/app/_lib/page-context";
import { filterProblems, offsetParam, pickParams, type Params } from "@/app/_lib/search-params";
import { Pager } from "@/components/ui/pager";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("alertsAdmin.title");

const FILTERS = ["email", "deadlineKey", "status", "kind"] as const;
const PAGE = 50;

/** The history's filters and page, and the outbox's page, from the URL. */
function listQuery(params: Params) {
  const raw = pickParams(params, [...FILTERS, "before", "outboxBefore", "subscribers"]);
  const parsed = historyInput.safeParse({ ...raw, outboxBefore: undefined, before: raw.before ? Number(raw.before) : undefined, limit: PAGE });
  const outboxBefore = Number(raw.outboxBefore);
  return {
    filters: pickParams(raw, FILTERS),
    problems: filterProblems(parsed.error),
    history: parsed.success ? parsed.data : { limit: PAGE },
    outbox: { limit: PAGE, before: Number.isSafeInteger(outboxBefore) && outboxBefore > 0 ? outboxBefore : undefined },
    subscribers: { offset: offsetParam(raw.subscribers), limit: PAGE },
  };
}

export default async function AlertsAdminPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await signedInContext("/admin/alerts");
  const t = await getTranslations("alertsAdmin");
  if (ctx.user.role !== "admin") return <PageHeader title={t("title")} description={t("adminOnly")} />;

  const query = listQuery(await searchParams);
  const [delivery, jobs, subscribers, history, outbox] = await Promise.all([
    ctx.api.alerts.admin.delivery(),
    ctx.api.alerts.admin.jobs(),
    ctx.api.alerts.admin.subscribers(query.subscribers),
    ctx.api.alerts.admin.history(query.history),
    ctx.api.alerts.admin.outbox(query.outbox),
  ]);
  const olderHistory = new URLSearchParams(query.filters);
  if (history.nextBefore) olderHistory.set("before", String(history.nextBefore));
  const lastOutboxId = outbox.emails.at(-1)?.id;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className={cn("mb-6 rounded-md border p-3 text-sm", toneClassName(delivery.smtp ? "success" : "warning"))} data-testid="delivery-mode">
        {delivery.smtp ? t("smtp") : t("held")}
      </p>
      <p className="mb-6 text-sm">
        <TextLink href="/admin/alerts/contact-points">{t("contactPointsLink")}</TextLink>
      </p>
      <div className="grid gap-6">
        <TitledCard title={t("testTitle")} description={t("testHint")}>
          <SendTestForm />
        </TitledCard>
        <TitledCard title={t("jobsTitle")} contentClassName="overflow-x-auto">
          <JobsTable jobs={jobs} locale={ctx.locale} />
        </TitledCard>
        <TitledCard title={t("subscribersTitle")} contentClassName="overflow-x-auto">
          <SubscribersTable subscribers={subscribers.subscribers} />
          <Pager
            offset={subscribers.offset}
            limit={subscribers.limit}
            shown={subscribers.subscribers.length}
            total={subscribers.total}
            hrefFor={(o) => `/admin/alerts?${new URLSearchParams({ ...query.filters, ...(o ? { subscribers: String(o) } : {}) })}`}
          />
        </TitledCard>
        <TitledCard id="history" title={t("historyTitle")} description={t("historyHint")} contentClassName="grid gap-4">
          <HistoryFilters values={query.filters} problems={query.problems} />
          <div className="overflow-x-auto">
            <HistoryTable entries={history.entries} locale={ctx.locale} />
          </div>
          {history.nextBefore ? (
            <p>
              <TextLink href={`/admin/alerts?${olderHistory.toString()}#history`} className="text-sm">
                {t("older")}
              </TextLink>
            </p>
          ) : null}
        </TitledCard>
        <TitledCard
          id="outbox"
          title={t("outboxTitle")}
          description={`${t("outboxHint")} ${outbox.counts.map((c) => `${t(`emailStatus.${c.status}`)}: ${c.n}`).join(" · ")}`}
          contentClassName="grid gap-4 overflow-x-auto"
        >
          <OutboxTable emails={outbox.emails} locale={ctx.locale} />
          {outbox.emails.length === PAGE && lastOutboxId ? (
            <p>
              <TextLink href={`/admin/alerts?outboxBefore=${lastOutboxId}#outbox`} className="text-sm">
                {t("outboxOlder")}
              </TextLink>
            </p>
          ) : null}
        </TitledCard>
      </div>
    </>
  );
}
