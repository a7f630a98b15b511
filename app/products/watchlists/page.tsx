// Watchlists: the signed-in person's lists and their team's, and a form for a new one.
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { WatchlistForm } from "@/components/products/watchlist-form";
import { Badge } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { signedInContext } from "@/app/_lib/page-context";
import { formLabels } from "./labels";

export const dynamic = "force-dynamic";

export default async function WatchlistsPage() {
  const ctx = await signedInContext("/products/watchlists");
  const [t, lists] = await Promise.all([getTranslations("products.watchlists"), ctx.api.products.watchlists.list()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <TitledCard title={t("mine")}>
          {lists.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("none")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {lists.map((w) => (
                <li key={w.key} className="flex flex-wrap items-center gap-2">
                  <TextLink href={`/products/watchlists/${w.key}`}>{w.name}</TextLink>
                  <Badge tone={w.shared ? "info" : "neutral"}>{w.shared ? t("shared") : t("private")}</Badge>
                </li>
              ))}
            </ul>
          )}
        </TitledCard>
        <TitledCard title={t("new")}>
          <WatchlistForm initial={null} labels={await formLabels()} />
        </TitledCard>
      </div>
    </>
  );
}
