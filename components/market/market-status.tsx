"use client";
// The market-data panel on the observations page: provider, last stored close, the job's last and next run in Seoul
// and Washington time, its last error and discrepancies, and "Fetch now" (one job run) with what it did.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useForm } from "@/components/ui/use-form";
import { formatDate, formatInstant, formatNumber, type DisplayLocale } from "@/lib/format";
import { trpc } from "@/lib/trpc-client";
import type { marketStatus } from "@/server/market/status";

export type MarketStatusData = Awaited<ReturnType<typeof marketStatus>>;

const ZONES = [
  ["seoul", "Asia/Seoul"],
  ["washington", "America/New_York"],
] as const;

const twoDecimals = (locale: DisplayLocale) => (x: number) => formatNumber(x, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function MarketStatus({ status, locale }: { status: MarketStatusData; locale: DisplayLocale }) {
  const t = useTranslations("market");
  const num = twoDecimals(locale);
  return (
    <div className="grid gap-4" data-testid="market-status">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("provider")}</dt>
        <dd>
          {status.provider === "none" ? t("providerNone") : status.provider} · {t("symbol")} {status.symbol}
        </dd>
        <dt className="font-medium">{t("lastClose")}</dt>
        <dd data-testid="market-last-close">{status.last ? `${formatDate(status.last.date, locale, { weekday: true })} · ${num(status.last.close)}` : t("noClose")}</dd>
        <dt className="font-medium">{t("lastRun")}</dt>
        <dd>
          <RunTime instant={status.lastRun?.startedAt ?? null} locale={locale} />
        </dd>
        <dt className="font-medium">{t("nextRun")}</dt>
        <dd>
          <RunTime instant={status.nextRun} locale={locale} />
        </dd>
        <dt className="font-medium">{t("lastError")}</dt>
        <dd className={status.lastRun?.error ? "text-red-800 dark:text-red-300" : undefined}>{status.lastRun?.error ?? "—"}</dd>
      </dl>
      {status.discrepancies.length ? (
        <div className="text-sm">
          <p className="font-medium">{t("discrepancies")}</p>
          <ul className="list-disc pl-5">
            {status.discrepancies.map((d) => (
              <li key={d.date}>{t("discrepancy", { date: d.date, stored: num(d.stored), received: num(d.received) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FetchNow locale={locale} />
    </div>
  );
}

/** An instant in Seoul and in Washington, one per line. */
function RunTime({ instant, locale }: { instant: Date | null; locale: DisplayLocale }) {
  const t = useTranslations("market");
  if (!instant) return t("never");
  return (
    <span className="grid">
      {ZONES.map(([label, zone]) => (
        <span key={zone}>
          {formatInstant(instant, zone, locale)} <span className="text-muted-foreground">({t(label)})</span>
        </span>
      ))}
    </span>
  );
}

type Outcome = { kind: "ok" | "error"; lines: string[] };

/** "Fetch now": one run of the market-data job, and what it appended, recorded and found different. */
function FetchNow({ locale }: { locale: DisplayLocale }) {
  const t = useTranslations("market");
  const form = useForm<Outcome>({ refresh: true });
  const num = twoDecimals(locale);

  /** What the run did, in lines (a run the job reports as failed is an outcome too: its error). */
  async function fetchNow(): Promise<Outcome> {
    const run = await trpc.marketData.fetchNow.mutate();
    if (!run.ok) return { kind: "error", lines: [t("failed", { message: run.error })] };
    const r = run.result;
    const lines =
      r.status === "disabled"
        ? [t("disabled")]
        : r.appended.length === 0
          ? [t("upToDate")]
          : [t("appended", { count: r.appended.length, list: r.appended.map((a) => `${a.date} ${num(a.close)}`).join(", ") })];
    if (r.events.length) lines.push(t("events", { list: r.events.join(", ") }));
    for (const d of r.discrepancies) lines.push(t("discrepancy", { date: d.date, stored: num(d.stored), received: num(d.received) }));
    return { kind: "ok", lines };
  }

  function press() {
    form.reset(); // the last run's outcome goes while this one runs
    // The job ran, whatever it found: the panel above refreshes with the outcome.
    void form.run(fetchNow);
  }

  const outcome: Outcome | null = form.problem ? { kind: "error", lines: [form.problem.message] } : form.done;
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={press} disabled={!form.ready || form.pending} aria-busy={form.pending}>
          {form.pending ? t("fetching") : t("fetchNow")}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="text-sm" data-testid="market-outcome">
        {outcome ? (
          <div
            className={
              outcome.kind === "error"
                ? "rounded-md border border-red-600/40 bg-red-50 p-2 text-red-800 dark:bg-red-950/40 dark:text-red-300"
                : "text-emerald-700 dark:text-emerald-400"
            }
          >
            {outcome.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        ) : null}
      </div>
    </>
  );
}
