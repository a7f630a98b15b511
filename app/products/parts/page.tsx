// A parts list at once: upload HTS codes with labels → each line's duty on a date, what changed since another.
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { PartsUpload, type PartsLabels } from "@/components/products/parts-upload";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";

export const dynamic = "force-dynamic";

const KEYS = ["file", "fileHint", "codes", "date", "compare", "submit", "download", "summary", "problems", "row", "label", "hts", "dutyA", "dutyB", "change", "uncertain", "failed", "shownFirst"] as const;

export default async function PartsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const t = await getTranslations("products");
  // ICU placeholders are filled in the browser: hand over the raw messages.
  const labels = Object.fromEntries(KEYS.map((k) => [k, t.raw(`parts.${k}`) as string])) as PartsLabels;
  return (
    <>
      <PageHeader title={t("partsTitle")} description={t("partsDescription")} />
      <PartsUpload labels={labels} today={ctx.today} />
      <p className="mt-8 text-xs text-muted-foreground">{t("provenance")}</p>
    </>
  );
}
