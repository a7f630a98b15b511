// Managing one's alerts through the signed link in every email: subscriptions (pause, resume, add) and the
// name, language and zone of the emails. A refused link says why.
import Link from "next/link";
import { getTranslations } from "@/i18n/translations";
import { TRPCError } from "@trpc/server";
import { ManagePanel } from "@/components/alerts/manage-panel";
import { PageHeader } from "@/components/layout/page-header";
import { toneClassName } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { formatInstant, titleIn } from "@/lib/format";
import { linkContext, type SearchParams } from "@/app/_lib/page-context";
import { tokenParam } from "@/app/alerts/token-param";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("alerts.manageTitle", { robots: { index: false } });

function Refused({ message }: { message: string }) {
  return (
    <Card className="max-w-2xl">
      <CardContent className="pt-4">
        <p role="alert" className="text-sm" data-testid="link-refused">
          {message}
        </p>
      </CardContent>
    </Card>
  );
}

export default async function ManagePage({ searchParams }: { searchParams: SearchParams }) {
  const [ctx, t, token] = await Promise.all([linkContext(), getTranslations("alerts"), tokenParam(searchParams)]);
  const header = <PageHeader title={t("manageTitle")} description={t("manageIntro")} />;
  if (!token) {
    return (
      <>
        {header}
        <Refused message={t("noToken")} />
      </>
    );
  }
  let view;
  try {
    view = await ctx.api.alerts.manage.get({ token });
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      return (
        <>
          {header}
          <Refused message={error.message} />
        </>
      );
    }
    throw error;
  }
  // The deadline list for "follow one deadline" is only a convenience: without read access it is empty.
  const deadlines = await ctx.api.deadlines
    .list({ limit: 200 })
    .then((l) => l.upcoming.map((d) => ({ key: d.deadlineKey, title: titleIn(d, ctx.locale) })))
    .catch(() => []);
  const s = view.subscriber;
  const state = s.unsubscribedAt
    ? t("state.unsubscribed", { date: formatInstant(s.unsubscribedAt, s.timeZone, ctx.locale) })
    : s.confirmed
      ? t("state.confirmed")
      : t("state.unconfirmed");
  return (
    <>
      {header}
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{s.email}</span>
        <span className={cn("rounded-md border px-2 py-0.5", toneClassName(s.unsubscribedAt ? "danger" : s.confirmed ? "success" : "warning"))} data-testid="subscriber-state">
          {state}
        </span>
      </p>
      <ManagePanel
        token={token}
        subscriber={{ email: s.email, name: s.name, timeZone: s.timeZone, language: s.language, quietStart: s.quietStart, quietEnd: s.quietEnd, quietUrgent: s.quietUrgent }}
        subscriptions={view.subscriptions}
        deadlines={deadlines}
        channels={view.channels}
      />
      <p className="mt-6 text-sm">
        <Link href={view.unsubscribePath} className="text-accent underline underline-offset-4">
          {t("unsubscribeTitle")}
        </Link>
      </p>
    </>
  );
}
