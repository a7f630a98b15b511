// Status screens: every screen with its layout, panels, devices and when a device last showed it; editors also get
// the "New screen" form. Viewers see the list only.
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { ScreenForm } from "@/components/screens/admin/screen-form";
import { ScreensTable } from "@/components/screens/admin/screens-table";
import { TitledCard } from "@/components/ui/card";
import { signedInContext } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("screens.title");

export default async function ScreensPage() {
  const ctx = await signedInContext("/screens");
  const t = await getTranslations("screens");
  const list = await ctx.api.screens.list();
  return (
    <>
      <PageHeader title={t("title")} description={ctx.canEdit ? t("description") : t("viewerDescription")} />
      <div className="grid gap-6">
        <TitledCard title={t("listTitle", { count: list.length })} contentClassName="overflow-x-auto">
          <ScreensTable screens={list} locale={ctx.locale} />
        </TitledCard>
        {ctx.canEdit ? (
          <TitledCard title={t("newTitle")} description={t("newHint")}>
            <ScreenForm mode="create" />
          </TitledCard>
        ) : null}
      </div>
    </>
  );
}
