// One contact point (admins): its delivery history with every attempt ("why did or didn't it get this?"), its quiet
// hours and its mute windows.
import { getTranslations } from "@/i18n/translations";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { DeliveriesTable } from "@/components/alerts/contact-points/history-table";
import { AddMuteForm, EndMuteButton, PointQuietHours } from "@/components/alerts/contact-points/point-forms";
import { ContactPointControls } from "@/components/alerts/contact-points/controls";
import { PageHeader } from "@/components/layout/page-header";
import { TitledCard } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { formatInstant } from "@/lib/format";
import { signedInContext } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("contactPoints.title");

/** An unknown id is a 404 page; any other failure is an error. */
const notFoundAsNull = (error: unknown) => {
  if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
  throw error;
};

export default async function ContactPointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const ctx = await signedInContext(`/admin/alerts/contact-points/${raw}`);
  const t = await getTranslations("contactPoints");
  if (ctx.user.role !== "admin") return <PageHeader title={t("title")} description={t("adminOnly")} />;
  const id = Number(raw);
  const point = Number.isSafeInteger(id) && id > 0 ? await ctx.api.alerts.admin.contactPoints.get({ id }).catch(notFoundAsNull) : null;
  if (!point) notFound();
  const [deliveries, mutes] = await Promise.all([ctx.api.alerts.admin.contactPoints.history({ id }), ctx.api.alerts.admin.contactPoints.mutes({ id })]);
  const at = (d: Date) => formatInstant(d, point.timeZone, ctx.locale);
  return (
    <>
      <PageHeader title={point.name} description={`${t(`types.${point.type}`)} · ${point.hasUrl ? point.urlHint : t("noUrl")} · ${point.timeZone}`} />
      <div className="mb-6 flex flex-wrap items-center gap-4 text-sm">
        <TextLink href="/admin/alerts/contact-points">{t("backToList")}</TextLink>
        <ContactPointControls id={point.id} name={point.name} paused={point.paused} />
      </div>
      <div className="grid gap-6">
        <TitledCard title={t("historyTitle")} description={t("historyHint")} contentClassName="overflow-x-auto">
          <DeliveriesTable deliveries={deliveries} locale={ctx.locale} zone={point.timeZone} />
        </TitledCard>
        <TitledCard title={t("quietTitle")}>
          <PointQuietHours id={point.id} zone={point.timeZone} initial={{ quietStart: point.quietStart, quietEnd: point.quietEnd, quietUrgent: point.quietUrgent }} />
        </TitledCard>
        <TitledCard title={t("mutesTitle")} description={t("mutesHint")} contentClassName="grid gap-4">
          <ul className="grid gap-2 text-sm" data-testid="mutes">
            {mutes.length === 0 ? <li className="text-muted-foreground">{t("noMutes")}</li> : null}
            {mutes.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <span>
                  {at(m.startsAt)} → {at(m.endsAt)}
                  {m.reason ? ` · ${m.reason}` : ""}
                </span>
                <EndMuteButton id={m.id} label={`${at(m.startsAt)} → ${at(m.endsAt)}`} />
              </li>
            ))}
          </ul>
          <AddMuteForm contactPointId={point.id} />
        </TitledCard>
      </div>
    </>
  );
}
