// Status screens: every screen with its layout, panels, devices and when a device last showed it; editors also get
// the "New screen" form. Viewers see the list only.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { ScreenForm } from "@/components/screens/admin/screen-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInstant } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { signedInContext } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("screens");
  return { title: t("title") };
}

export default async function ScreensPage() {
  const ctx = await signedInContext("/screens");
  const t = await getTranslations("screens");
  const list = await ctx.api.screens.list();
  const cell = "py-2 pr-4 align-top";
  return (
    <>
      <PageHeader title={t("title")} description={ctx.canEdit ? t("description") : t("viewerDescription")} />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("listTitle", { count: list.length })}</CardTitle>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            {list.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("none")}</p>
            ) : (
              <table className="w-full text-left text-sm" data-testid="screens-list">
                <thead className="text-xs text-muted-foreground">
                  <tr>
                    <th scope="col" className={`${cell} font-medium`}>{t("name")}</th>
                    <th scope="col" className={`${cell} font-medium`}>{t("key")}</th>
                    <th scope="col" className={`${cell} font-medium`}>{t("layout")}</th>
                    <th scope="col" className={`${cell} font-medium`}>{t("panels")}</th>
                    <th scope="col" className={`${cell} font-medium`}>{t("devices")}</th>
                    <th scope="col" className="py-2 font-medium">{t("lastSeen")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => (
                    <tr key={s.id} className="border-t border-border" data-testid={`screen-${s.key}`}>
                      <th scope="row" className={`${cell} font-medium`}>
                        <Link href={`/screens/${s.key}`} className="text-accent underline underline-offset-4">
                          {s.name}
                        </Link>
                      </th>
                      <td className={`${cell} font-mono text-xs`}>{s.key}</td>
                      <td className={cell}>{t(`layoutName.${s.config.layout}`)}</td>
                      <td className={cell}>{s.config.panels.map((p) => t(`panel.${p.panel}`)).join(", ")}</td>
                      <td className={cell}>{s.activeDevices}</td>
                      <td className="py-2 align-top">{s.lastSeenAt ? formatInstant(s.lastSeenAt, DISPLAY_ZONES.seoul, ctx.locale) : t("never")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </CardContent>
        </Card>
        {ctx.canEdit ? (
          <Card>
            <CardHeader className="flex-col">
              <CardTitle>{t("newTitle")}</CardTitle>
              <CardDescription>{t("newHint")}</CardDescription>
            </CardHeader>
            <CardContent>
              <ScreenForm mode="create" />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
