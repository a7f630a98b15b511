// One status screen: its configuration (editors change it; saving pushes it to open screens), "reload open
// screens", its devices (revocable), a new device's URL with its token (shown once) or a pairing code for the TV.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { AddDeviceForm, PairingCodeForm, ReloadButton } from "@/components/screens/admin/device-controls";
import { ScreenForm } from "@/components/screens/admin/screen-form";
import { ConfigSummary } from "@/components/screens/admin/config-summary";
import { DevicesTable } from "@/components/screens/admin/devices-table";
import { TitledCard } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { publicUrlFromEnv } from "@/server/core/config";
import { KEY_RE } from "@/server/core/schemas";
import { screenConfig } from "@/server/screens/schemas";
import { signedInContext, type SearchParams } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { key } = await params;
  return { title: key };
}

export default async function ScreenPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { key } = await params;
  if (!KEY_RE.test(key)) notFound();
  const ctx = await signedInContext(`/screens/${key}`);
  const t = await getTranslations("screens");
  const screen = await ctx.api.screens.get({ key }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const justCreated = (await searchParams).created === "1";
  const config = screenConfig.parse(screen.config);
  const pairUrl = `${publicUrlFromEnv().replace(/\/+$/, "")}/screen/pair`;
  return (
    <>
      <PageHeader
        title={screen.name}
        description={t("detailDescription", { key: screen.key, version: screen.configVersion })}
        actions={
          <div className="flex flex-wrap items-center gap-4">
            <a href={screen.url} target="_blank" rel="noopener" className="text-sm text-accent underline underline-offset-4">
              {t("open")}
            </a>
            <TextLink href="/screens" className="text-sm">
              {t("back")}
            </TextLink>
          </div>
        }
      />
      {justCreated ? (
        <p role="status" className="mb-4 text-sm text-emerald-700 dark:text-emerald-400" data-testid="page-status">
          {t("created")}
        </p>
      ) : null}
      <div className="grid gap-6">
        {ctx.canEdit ? (
          <>
            <TitledCard title={t("editTitle")} description={t("editHint")}>
              <ScreenForm mode="update" screenKey={screen.key} initial={config} />
            </TitledCard>
            <TitledCard title={t("reloadTitle")} description={t("reloadHint")}>
              <ReloadButton screenKey={screen.key} />
            </TitledCard>
          </>
        ) : (
          <TitledCard title={t("configTitle")}>
            <ConfigSummary config={config} />
          </TitledCard>
        )}
        <TitledCard title={t("devicesTitle")} description={t("devicesHint")} contentClassName="overflow-x-auto">
          <DevicesTable devices={screen.devices} canEdit={ctx.canEdit} now={ctx.now} locale={ctx.locale} />
        </TitledCard>
        {ctx.canEdit ? (
          <>
            <TitledCard title={t("addDeviceTitle")} description={t("addDeviceHint")}>
              <AddDeviceForm screenKey={screen.key} />
            </TitledCard>
            <TitledCard title={t("pairingTitle")} description={t("pairingHint", { address: pairUrl })}>
              <PairingCodeForm screenKey={screen.key} pairUrl={pairUrl} />
            </TitledCard>
          </>
        ) : null}
      </div>
    </>
  );
}
