// Series observations: one day by hand, or a CSV file checked row by row and written all or none.
import { getTranslations } from "@/i18n/translations";
import { AuditEntries } from "@/components/records/audit-entries";
import { MarketStatus } from "@/components/market/market-status";
import { ObservationForm } from "@/components/market/observation-form";
import { ObservationUpload } from "@/components/market/observation-upload";
import { PageHeader } from "@/components/layout/page-header";
import { TitledCard } from "@/components/ui/card";
import { signedInContext } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("observations.title");

export default async function ObservationsPage() {
  const ctx = await signedInContext("/edit/observations");
  const [t, tEdit, tMarket] = await Promise.all([getTranslations("observations"), getTranslations("edit"), getTranslations("market")]);
  if (!ctx.canEdit) return <PageHeader title={t("title")} description={tEdit("editorsOnly")} />;
  const [series, history, market] = await Promise.all([
    ctx.api.records.series(),
    ctx.api.audit.list({ recordType: "observation", limit: 10 }),
    ctx.api.marketData.status(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        <TitledCard title={tMarket("title")} description={tMarket("description", { pct: market.moveEventPct })}>
          <MarketStatus status={market} locale={ctx.locale} />
        </TitledCard>
        <TitledCard title={t("uploadTitle")} description={t("uploadDescription")}>
          <ObservationUpload series={series} />
        </TitledCard>
        <TitledCard title={t("handTitle")} description={t("handDescription")}>
          <ObservationForm series={series} />
        </TitledCard>
        <TitledCard title={tEdit("history")}>
          <AuditEntries entries={history.entries} locale={ctx.locale} />
        </TitledCard>
      </div>
    </>
  );
}
