// The confirm link from the double opt-in email. Opening it confirms nothing (mail scanners prefetch links): the
// button does, and a refused link says why.
import { getTranslations } from "@/i18n/translations";
import { LinkAction } from "@/components/alerts/link-action";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import type { SearchParams } from "@/app/_lib/page-context";
import { tokenParam } from "@/app/alerts/token-param";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("alerts.confirmTitle", { robots: { index: false } });

export default async function ConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const [t, token] = await Promise.all([getTranslations("alerts"), tokenParam(searchParams)]);
  return (
    <>
      <PageHeader title={t("confirmTitle")} description={token ? t("confirmIntro") : undefined} />
      <Card className="max-w-2xl">
        <CardContent className="pt-4">{token ? <LinkAction action="confirm" token={token} /> : <p role="alert" className="text-sm">{t("noToken")}</p>}</CardContent>
      </Card>
    </>
  );
}
