// One outbox email as it was rendered (mail preview): the HTML in a sandboxed frame (no scripts, no navigation, no
// access to this page), the text part and the .ics attachment, with its delivery status. Admins only.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { EMAIL_TONES } from "@/components/alerts/admin/history-table";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInstant } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { signedInContext } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [t, { id }] = await Promise.all([getTranslations("alertsAdmin"), params]);
  return { title: t("mailTitle", { id: id.slice(0, 12) }) };
}

export default async function MailPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await signedInContext(`/admin/alerts/mail/${encodeURIComponent(id)}`);
  const t = await getTranslations("alertsAdmin");
  if (ctx.user.role !== "admin") return <PageHeader title={t("title")} description={t("adminOnly")} />;
  const emailId = /^\d{1,10}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(emailId)) notFound();
  let mail;
  try {
    mail = await ctx.api.alerts.admin.email({ id: emailId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  const when = (d: Date) => formatInstant(d, DISPLAY_ZONES.seoul, ctx.locale);
  const pre = "max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-muted p-3 font-mono text-xs";
  const row = (name: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[9rem_1fr] gap-2">
      <dt className="text-muted-foreground">{name}</dt>
      <dd className="break-all">{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeader
        title={mail.subject}
        description={t("mailTitle", { id: String(mail.id) })}
        actions={
          <Link href="/admin/alerts#outbox" className="text-sm text-accent underline underline-offset-4">
            {t("back")}
          </Link>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardContent className="pt-4">
            <dl className="grid gap-1 text-sm">
              {row(t("to"), mail.toAddress)}
              {row(t("kind"), t(`emailKind.${mail.kind}`))}
              {row(
                t("status"),
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={EMAIL_TONES[mail.status]}>{t(`emailStatus.${mail.status}`)}</Badge>
                  {t("attempts", { count: mail.attempts })}
                </span>,
              )}
              {mail.lastError ? row(t("lastError"), mail.lastError) : null}
              {row(t("messageId"), <span className="font-mono text-xs">{mail.messageId}</span>)}
              {row(t("created"), when(mail.createdAt))}
              {mail.sentAt ? row(t("sentAt"), when(mail.sentAt)) : null}
              {mail.headers && Object.keys(mail.headers).length
                ? row(
                    t("headers"),
                    <span className="grid font-mono text-xs">
                      {Object.entries(mail.headers).map(([k, v]) => (
                        <span key={k}>
                          {k}: {v}
                        </span>
                      ))}
                    </span>,
                  )
                : null}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("htmlPart")}</CardTitle>
          </CardHeader>
          <CardContent>
            {/* An empty sandbox: the email's HTML runs no script and reaches nothing of this page. */}
            <iframe sandbox="" srcDoc={mail.html} title={t("frameTitle", { subject: mail.subject })} className="h-[36rem] w-full rounded-md border border-border bg-white" data-testid="mail-html" />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("textPart")}</CardTitle>
          </CardHeader>
          <CardContent>
            <pre className={pre} data-testid="mail-text" tabIndex={0}>
              {mail.text}
            </pre>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("icsPart")}</CardTitle>
          </CardHeader>
          <CardContent>
            {mail.ics ? (
              <pre className={pre} data-testid="mail-ics" tabIndex={0}>
                {mail.ics}
              </pre>
            ) : (
              <p className="text-sm text-muted-foreground">{t("noIcs")}</p>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
