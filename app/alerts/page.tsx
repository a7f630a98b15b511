// Email alerts: what they are, and the subscribe form (double opt-in). Under READ_ACCESS=signed-in only readers
// see it, like the rest of the dashboard (the emails carry its content).
import { getTranslations } from "@/i18n/translations";
import { SubscribeForm } from "@/components/alerts/subscribe-form";
import { PageHeader } from "@/components/layout/page-header";
import { TitledCard } from "@/components/ui/card";
import { titleIn } from "@/lib/format";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("alerts.title");

const ABOUT = ["reminders", "notices", "digest", "optIn"] as const;

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const t = await getTranslations("alerts");
  const list = await ctx.api.deadlines.list({ limit: 200, chains: 0 });
  const deadlines = list.upcoming.map((d) => ({ key: d.deadlineKey, title: titleIn(d, ctx.locale) }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid items-start gap-6 lg:grid-cols-[2fr_3fr]">
        <TitledCard title={t("aboutTitle")}>
          <ul className="grid list-disc gap-2 pl-5 text-sm">
            {ABOUT.map((key) => (
              <li key={key}>{t(`about.${key}`)}</li>
            ))}
          </ul>
        </TitledCard>
        <TitledCard title={t("formTitle")}>
          <SubscribeForm deadlines={deadlines} />
        </TitledCard>
      </div>
    </>
  );
}
