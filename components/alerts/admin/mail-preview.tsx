// One outbox email as it was rendered: its delivery details, then the HTML in a sandboxed frame (no scripts, no
// navigation, no access to the page), the text part and the .ics attachment.
import type { ReactNode } from "react";
import { getTranslations } from "@/i18n/translations";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, TitledCard } from "@/components/ui/card";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import type { outboxEmail } from "@/server/alerts/subscriptions";
import { EMAIL_TONES } from "./history-table";

export type OutboxEmail = Awaited<ReturnType<typeof outboxEmail>>;

const pre = "max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-muted p-3 font-mono text-xs";

function Row({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2">
      <dt className="text-muted-foreground">{name}</dt>
      <dd className="break-all">{children}</dd>
    </div>
  );
}

export async function MailDetails({ mail, locale }: { mail: OutboxEmail; locale: DisplayLocale }) {
  const t = await getTranslations("alertsAdmin");
  const when = (d: Date) => formatInstant(d, DISPLAY_ZONES.seoul, locale);
  const headers = mail.headers && Object.keys(mail.headers).length ? Object.entries(mail.headers) : null;
  return (
    <Card>
      <CardContent className="pt-4">
        <dl className="grid gap-1 text-sm">
          <Row name={t("to")}>{mail.toAddress}</Row>
          <Row name={t("kind")}>{t(`emailKind.${mail.kind}`)}</Row>
          <Row name={t("status")}>
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={EMAIL_TONES[mail.status]}>{t(`emailStatus.${mail.status}`)}</Badge>
              {t("attempts", { count: mail.attempts })}
            </span>
          </Row>
          {mail.lastError ? <Row name={t("lastError")}>{mail.lastError}</Row> : null}
          <Row name={t("messageId")}>
            <span className="font-mono text-xs">{mail.messageId}</span>
          </Row>
          <Row name={t("created")}>{when(mail.createdAt)}</Row>
          {mail.sentAt ? <Row name={t("sentAt")}>{when(mail.sentAt)}</Row> : null}
          {headers ? (
            <Row name={t("headers")}>
              <span className="grid font-mono text-xs">
                {headers.map(([k, v]) => (
                  <span key={k}>
                    {k}: {v}
                  </span>
                ))}
              </span>
            </Row>
          ) : null}
        </dl>
      </CardContent>
    </Card>
  );
}

export async function MailParts({ mail }: { mail: OutboxEmail }) {
  const t = await getTranslations("alertsAdmin");
  return (
    <>
      <TitledCard title={t("htmlPart")}>
        {/* An empty sandbox: the email's HTML runs no script and reaches nothing of this page. */}
        <iframe
          sandbox=""
          srcDoc={mail.html}
          title={t("frameTitle", { subject: mail.subject })}
          className="h-[36rem] w-full rounded-md border border-border bg-white"
          data-testid="mail-html"
        />
      </TitledCard>
      <TitledCard title={t("textPart")}>
        <pre className={pre} data-testid="mail-text" tabIndex={0}>
          {mail.text}
        </pre>
      </TitledCard>
      <TitledCard title={t("icsPart")}>
        {mail.ics ? (
          <pre className={pre} data-testid="mail-ics" tabIndex={0}>
            {mail.ics}
          </pre>
        ) : (
          <p className="text-sm text-muted-foreground">{t("noIcs")}</p>
        )}
      </TitledCard>
    </>
  );
}
