// One outbox email as it was rendered (mail preview): the HTML in a sandboxed frame (no scripts, no navigation, no
// access to this page), the text part and the .ics attachment, with its delivery status. Admins only.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translations";
import { TRPCError } from "@trpc/server";
import { MailDetails, MailParts } from "@/components/alerts/admin/mail-preview";
import { PageHeader } from "@/components/layout/page-header";
import { TextLink } from "@/components/ui/text-link";
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
  return (
    <>
      <PageHeader
        title={mail.subject}
        description={t("mailTitle", { id: String(mail.id) })}
        actions={
          <TextLink href="/admin/alerts#outbox" className="text-sm">
            {t("back")}
          </TextLink>
        }
      />
      <div className="grid gap-6">
        <MailDetails mail={mail} locale={ctx.locale} />
        <MailParts mail={mail} />
      </div>
    </>
  );
}
