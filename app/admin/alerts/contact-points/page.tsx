// Team contact points (admins): every Slack channel, Teams channel and webhook that receives alerts, with a test
// button, pause/resume and a link to each one's delivery history; and the form to add one.
import { getTranslations } from "@/i18n/translations";
import { AddContactPointForm } from "@/components/alerts/contact-points/add-form";
import { ContactPointsTable } from "@/components/alerts/contact-points/table";
import { PageHeader } from "@/components/layout/page-header";
import { TitledCard } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { titleIn } from "@/lib/format";
import { Pager } from "@/components/ui/pager";
import { signedInContext, type SearchParams } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";
import { offsetParam, pageHref } from "@/app/_lib/search-params";

export const dynamic = "force-dynamic";

/** Contact points per page (DEFAULT_ADMIN_PAGE). */
const PAGE = 50;

export const generateMetadata = titleFrom("contactPoints.title");

export default async function ContactPointsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await signedInContext("/admin/alerts/contact-points");
  const t = await getTranslations("contactPoints");
  if (ctx.user.role !== "admin") return <PageHeader title={t("title")} description={t("adminOnly")} />;
  const offset = offsetParam((await searchParams).offset);
  const [points, list] = await Promise.all([
    ctx.api.alerts.admin.contactPoints.list({ offset, limit: PAGE }),
    ctx.api.deadlines.list({ limit: 200, chains: 0 }),
  ]);
  const deadlines = list.upcoming.map((d) => ({ key: d.deadlineKey, title: titleIn(d, ctx.locale) }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="mb-6 text-sm">
        <TextLink href="/admin/alerts">{t("backToAlerts")}</TextLink>
      </p>
      <div className="grid gap-6">
        <TitledCard title={t("listTitle")} description={t("listHint")} contentClassName="overflow-x-auto">
          <ContactPointsTable points={points.points} />
          <Pager offset={points.offset} limit={points.limit} shown={points.points.length} total={points.total} hrefFor={(o) => pageHref("/admin/alerts/contact-points", null, o)} />
        </TitledCard>
        <TitledCard title={t("addTitle")} description={t("addHint")}>
          <AddContactPointForm deadlines={deadlines} />
        </TitledCard>
      </div>
    </>
  );
}
