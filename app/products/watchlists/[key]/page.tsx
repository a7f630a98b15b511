// One watchlist: each line's duty now (with its programmes), the changes the watch found, the list's lines to change
// (its owner, or an editor for a team list), and alerts for it.
import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translations";
import { PageHeader } from "@/components/layout/page-header";
import { dottedHts } from "@/components/products/format";
import { WatchlistForm } from "@/components/products/watchlist-form";
import { WatchlistSubscribe } from "@/components/products/watchlist-subscribe";
import { TitledCard } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { formatInstant, formatNumber } from "@/lib/format";
import { signedInContext } from "@/app/_lib/page-context";
import { formLabels, subscribeLabels } from "../labels";

export const dynamic = "force-dynamic";

export default async function WatchlistPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  if (!/^wl-[0-9a-f]{16}$/.test(key)) notFound();
  const ctx = await signedInContext(`/products/watchlists/${key}`);
  const [t, tp, view] = await Promise.all([getTranslations("products.watchlists"), getTranslations("products"), ctx.api.products.watchlists.get({ key }).catch(() => null)]);
  if (!view) notFound();
  const pct = (v: number | null) => (v === null ? "—" : `${formatNumber(v, ctx.locale, { maximumFractionDigits: 2 })}%`);
  return (
    <>
      <PageHeader title={view.name} description={`${view.shared ? t("shared") : t("private")} · ${t("lines_count", { count: view.lines.length })}`} />
      <TitledCard title={t("title")} description={view.checkedAt ? t("checked", { when: formatInstant(view.checkedAt, "Asia/Seoul", ctx.locale) }) : t("notChecked")}>
        <div className="overflow-x-auto">
          <Table size="sm" density="compact">
            <TableHeader>
              <TableRow>
                <TableHead>{t("code")}</TableHead>
                <TableHead>{t("label")}</TableHead>
                <TableHead className="whitespace-nowrap text-right">{t("duty")}</TableHead>
                <TableHead>{t("programmes")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {view.lines.map((l) => (
                <TableRow key={l.hts10}>
                  <TableCell className="font-mono whitespace-nowrap">
                    <TextLink href={`/products/${l.hts10}`}>{dottedHts(l.hts10)}</TextLink>
                  </TableCell>
                  <TableCell>{l.label || <span className="text-muted-foreground" lang="en">{l.description.split(" : ").at(-1)}</span>}</TableCell>
                  <TableCell className="text-right tabular-nums">{pct(l.dutyPct)}{l.uncertain ? " *" : ""}</TableCell>
                  <TableCell className="text-xs">{l.programmes.map((p) => tp(`programmes.${p}` as never)).join(", ")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </TitledCard>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <TitledCard title={t("changes")}>
          {view.changes.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("noChanges")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {view.changes.map((c) => (
                <li key={c.id}>
                  <span className="font-mono">{dottedHts(c.hts10)}</span>: {pct(c.fromPct)} → {pct(c.toPct)}{" "}
                  <span className="text-muted-foreground">({formatInstant(c.foundAt, "Asia/Seoul", ctx.locale)})</span>
                </li>
              ))}
            </ul>
          )}
        </TitledCard>
        <TitledCard title={t("alerts")} description={t("alertsHint", { key: view.key })}>
          <WatchlistSubscribe watchlistKey={view.key} email={ctx.user.email} labels={await subscribeLabels()} />
        </TitledCard>
        {view.canChange && (
          <TitledCard title={t("edit")} className="lg:col-span-2">
            <WatchlistForm initial={{ key: view.key, name: view.name, shared: view.shared, lines: view.lines }} labels={await formLabels()} />
          </TitledCard>
        )}
      </div>
    </>
  );
}
