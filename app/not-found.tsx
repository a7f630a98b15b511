import Link from "next/link";
import { getTranslations } from "@/i18n/translations";
import { buttonClassName } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-muted-foreground">{t("notFound")}</p>
      <Link href="/" className={buttonClassName({ className: "mt-6" })}>
        {t("backHome")}
      </Link>
    </div>
  );
}
