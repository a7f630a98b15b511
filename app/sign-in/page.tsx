import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "@/i18n/translations";
import { SignInForm } from "@/components/users/sign-in-form";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getSessionUser } from "@/server/users/auth";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("auth.signIn");

/** Only same-site paths: never send someone elsewhere after signing in. */
function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (await getSessionUser(await headers())) redirect(next);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm">
      <PageHeader title={t("signInTitle")} description={t("signInIntro")} />
      <Card>
        <CardContent className="pt-4">
          <SignInForm next={next} />
        </CardContent>
      </Card>
    </div>
  );
}
