// Series observations: one day by hand, or a CSV file checked row by row and written all or none.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditEntries } from "@/components/records/audit-entries";
import { MarketStatus } from "@/components/market/market-status";
import { ObservationForm } from "@/components/market/observation-form";
import { ObservationUpload } from "@/components/market/observation-upload";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signedInContext } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("observations");
  return { title: t("title") };
}

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
        <Card>
          <CardHeader className="flex-col">
            <CardTitle>{tMarket("title")}</CardTitle>
            <CardDescription>{tMarket("description", { pct: market.moveEventPct })}</CardDescription>
          </CardHeader>
          <CardContent>
            <MarketStatus status={market} locale={ctx.locale} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="flex-col">
            <CardTitle>{t("uploadTitle")}</CardTitle>
            <CardDescription>{t("uploadDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ObservationUpload series={series} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="flex-col">
            <CardTitle>{t("handTitle")}</CardTitle>
            <CardDescription>{t("handDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ObservationForm series={series} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{tEdit("history")}</CardTitle>
          </CardHeader>
          <CardContent>
            <AuditEntries entries={history.entries} locale={ctx.locale} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
