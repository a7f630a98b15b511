// Unsubscribing from a link in an email (GET /api/v1/alerts/unsubscribe lands here too). Opening the page changes
// nothing; the button does. Mail clients use the one-click POST endpoint instead (RFC 8058).
import { getTranslations } from "@/i18n/translations";
import { LinkAction } from "@/components/alerts/link-action";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import type { SearchParams } from "@/app/_lib/page-context";
import { tokenParam } from "@/app/alerts/token-param";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("alerts.unsubscribeTitle", { robots: { index: false } });

export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const [t, token] = await Promise.all([getTranslations("alerts"), tokenParam(searchParams)]);
  return (
    <>
      <PageHeader title={t("unsubscribeTitle")} description={token ? t("unsubscribeIntro") : undefined} />
      <Card className="max-w-2xl">
        <CardContent className="pt-4">{token ? <LinkAction action="unsubscribe" token={token} /> : <p role="alert" className="text-sm">{t("noToken")}</p>}</CardContent>
      </Card>
    </>
  );
}
