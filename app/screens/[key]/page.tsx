// One status screen: its configuration (editors change it; saving pushes it to open screens), "reload open
// screens", its devices (revocable), a new device's URL with its token (shown once) or a pairing code for the TV.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { AddDeviceForm, PairingCodeForm, ReloadButton, RevokeButton } from "@/components/screens/admin/device-controls";
import { ScreenForm } from "@/components/screens/admin/screen-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInstant } from "@/lib/format";
import { publicUrlFromEnv } from "@/server/core/config";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { KEY_RE } from "@/server/core/schemas";
import { screenConfig } from "@/server/screens/schemas";
import { signedInContext } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { key } = await params;
  return { title: key };
}

export default async function ScreenPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
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
  const when = (d: Date | null) => (d ? formatInstant(d, DISPLAY_ZONES.seoul, ctx.locale) : "—");
  const pairUrl = `${publicUrlFromEnv().replace(/\/+$/, "")}/screen/pair`;
  const cell = "py-2 pr-4 align-top";
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
            <Link href="/screens" className="text-sm text-accent underline underline-offset-4">
              {t("back")}
            </Link>
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
            <Card>
              <CardHeader className="flex-col">
                <CardTitle>{t("editTitle")}</CardTitle>
                <CardDescription>{t("editHint")}</CardDescription>
              </CardHeader>
              <CardContent>
                <ScreenForm mode="update" screenKey={screen.key} initial={config} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader className="flex-col">
                <CardTitle>{t("reloadTitle")}</CardTitle>
                <CardDescription>{t("reloadHint")}</CardDescription>
              </CardHeader>
              <CardContent>
                <ReloadButton screenKey={screen.key} />
              </CardContent>
            </Card>
          </>
        ) : (
          <Card>
            <CardHeader>
              <CardTitle>{t("configTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4" data-testid="screen-config">
                <dt className="font-medium">{t("layout")}</dt>
                <dd>{t(`layoutName.${config.layout}`)}</dd>
                <dt className="font-medium">{t("panels")}</dt>
                <dd>{config.panels.map((p) => (config.layout === "rotation" ? `${t(`panel.${p.panel}`)} (${p.durationSeconds} ${t("seconds")})` : t(`panel.${p.panel}`))).join(", ")}</dd>
                <dt className="font-medium">{t("theme")}</dt>
                <dd>{t(`themeName.${config.theme}`)}</dd>
                <dt className="font-medium">{t("clocks")}</dt>
                <dd>{config.clocks.map((c) => t(`clock.${c}`)).join(", ") || "—"}</dd>
                <dt className="font-medium">{t("night")}</dt>
                <dd>{config.night ? t("nightSummary", { ...config.night }) : t("nightOff")}</dd>
              </dl>
            </CardContent>
          </Card>
        )}

        <Card>
          <CardHeader className="flex-col">
            <CardTitle>{t("devicesTitle")}</CardTitle>
            <CardDescription>{t("devicesHint")}</CardDescription>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            {screen.devices.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("noDevices")}</p>
            ) : (
              <table className="w-full text-left text-sm" data-testid="devices">
                <thead className="text-xs text-muted-foreground">
                  <tr>
                    <th scope="col" className={`${cell} font-medium`}>{t("deviceLabel")}</th>
                    <th scope="col" className={`${cell} font-medium`}>{t("status")}</th>
                    <th scope="col" className={`${cell} font-medium`}>{t("createdAt")}</th>
                    <th scope="col" className={`${cell} font-medium`}>{t("lastSeen")}</th>
                    <th scope="col" className={`${cell} font-medium`}>{t("revokedAt")}</th>
                    {ctx.canEdit ? (
                      <th scope="col" className="py-2 font-medium">
                        <span className="sr-only">{t("actions")}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {screen.devices.map((d) => {
                    const expired = !d.paired && !!d.pairingExpiresAt && d.pairingExpiresAt <= ctx.now;
                    return (
                      <tr key={d.id} className="border-t border-border" data-testid={`device-${d.id}`}>
                        <th scope="row" className={`${cell} font-medium`}>
                          {d.label}
                        </th>
                        <td className={cell}>
                          {d.revokedAt ? (
                            <Badge tone="neutral">{t("revoked")}</Badge>
                          ) : d.paired ? (
                            <Badge tone="success">{t("paired")}</Badge>
                          ) : expired ? (
                            <Badge tone="neutral">{t("codeExpired")}</Badge>
                          ) : (
                            <Badge tone="warning">{t("waitingForCode", { until: when(d.pairingExpiresAt) })}</Badge>
                          )}
                        </td>
                        <td className={cell}>{when(d.createdAt)}</td>
                        <td className={cell}>{d.lastSeenAt ? when(d.lastSeenAt) : t("never")}</td>
                        <td className={cell}>{when(d.revokedAt)}</td>
                        {ctx.canEdit ? <td className="py-2 align-top">{d.revokedAt ? null : <RevokeButton deviceId={d.id} label={d.label} />}</td> : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </CardContent>
        </Card>

        {ctx.canEdit ? (
          <>
            <Card>
              <CardHeader className="flex-col">
                <CardTitle>{t("addDeviceTitle")}</CardTitle>
                <CardDescription>{t("addDeviceHint")}</CardDescription>
              </CardHeader>
              <CardContent>
                <AddDeviceForm screenKey={screen.key} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader className="flex-col">
                <CardTitle>{t("pairingTitle")}</CardTitle>
                <CardDescription>{t("pairingHint", { address: pairUrl })}</CardDescription>
              </CardHeader>
              <CardContent>
                <PairingCodeForm screenKey={screen.key} pairUrl={pairUrl} />
              </CardContent>
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
