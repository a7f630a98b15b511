// Products: find an HTS line by code or words, instantly as you type; each result opens the line's page.
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { ProductSearch } from "@/components/products/product-search";
import { TextLink } from "@/components/ui/text-link";
import { pageContext, type SearchParams } from "@/app/_lib/page-context";
import { firstParam } from "@/app/_lib/search-params";

export const dynamic = "force-dynamic";

export default async function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await pageContext(searchParams);
  const q = (firstParam((await searchParams).q) ?? "").trim().slice(0, 100);
  const [t, found] = await Promise.all([getTranslations(), q ? ctx.api.products.search({ q, limit: 20 }) : { lines: [], more: false }]);
  return (
    <>
      <PageHeader
        title={t("products.title")}
        description={t("products.description")}
        actions={
          <span className="flex flex-wrap gap-x-4 gap-y-1">
            <TextLink href="/products/parts">{t("products.partsLink")}</TextLink>
            <TextLink href="/products/watchlists">{t("products.watchlists.link")}</TextLink>
          </span>
        }
      />
      <ProductSearch
        initial={{ q, ...found }}
        labels={{
          label: t("products.searchLabel"),
          placeholder: t("products.searchPlaceholder"),
          button: t("products.searchButton"),
          hint: t("products.searchHint"),
          more: t("products.moreResults"),
        }}
        counts={{ zero: t("products.results", { count: 0 }), many: t("products.results", { count: 2 }).replace("2", "#") }}
      />
      <p className="mt-8 text-xs text-muted-foreground">{t("products.provenance")}</p>
    </>
  );
}
