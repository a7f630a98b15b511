// The five panels of a status screen, drawn from one snapshot at the server instant `now` (one tick for the whole
// screen re-renders them; nothing here keeps a timer or state of its own).
import type { ReactNode } from "react";
import { countdownParts, formatDate, formatDateIn, formatInstant, formatMoney, formatNumber, formatPct, formatTimeOfDay } from "@/lib/format";
import { fill, glanceAt } from "@/server/screens/wall-rules";
import type { Locale } from "@/server/core/constants";
import type { ScreenPanel } from "@/server/screens/constants";
import type { ScreenDeadline, ScreenSnapshot } from "@/server/screens/snapshot";
import type { ScreenWords } from "./labels";

type Ctx = { words: ScreenWords; lang: Locale; now: number; zone: string };

const pad2 = (n: number) => String(n).padStart(2, "0");
const label = <T extends Record<string, string>>(table: T, key: string | null | undefined) =>
  key ? ((table as Record<string, string>)[key] ?? key) : "";

function countdownText(ms: number, words: ScreenWords): string {
  const { days, hours, minutes, seconds } = countdownParts(ms);
  const u = words.screen.units;
  return [days > 0 ? `${days}${u.days}` : null, `${pad2(hours)}${u.hours}`, `${pad2(minutes)}${u.minutes}`, `${pad2(seconds)}${u.seconds}`]
    .filter(Boolean)
    .join(" ");
}

/** A deadline's time in Washington and Seoul (a day-precision one as its date in the zone it was stated in). */
const dueText = (d: { dueAt: string; dueZone: string; precision?: string }, lang: Locale) => {
  if (d.precision === "day") return formatDateIn(d.dueAt, d.dueZone, lang);
  const washington = formatInstant(d.dueAt, "America/New_York", lang);
  const seoulDay = formatDateIn(d.dueAt, "Asia/Seoul", lang);
  // Seoul: the time, and the date only when it is not Washington's.
  const seoul = seoulDay === formatDateIn(d.dueAt, "America/New_York", lang) ? formatTimeOfDay(d.dueAt, "Asia/Seoul") : formatInstant(d.dueAt, "Asia/Seoul", lang);
  return `${washington} · ${seoul}`;
};

function Deadline({ d, ctx }: { d: ScreenDeadline; ctx: Ctx }) {
  const { words, lang, now } = ctx;
  const state = glanceAt(d, now);
  let what: ReactNode;
  if (state !== "passed") {
    what = <span className="tw-num tw-countdown">{countdownText(Date.parse(d.dueAt) - now, words)}</span>;
  } else if (d.status === "postponed" && d.postponedTo) {
    what = fill(words.screen.deadlines.postponedTo, { date: dueText(d.postponedTo, lang) });
  } else if (d.status === "upcoming") {
    what = words.screen.deadlines.passedPending;
  } else {
    what = label(words.deadlineStatus, d.status);
  }
  return (
    <li className="tw-deadline" data-state={state} data-testid="screen-deadline">
      <span className="tw-deadline__title">{d.title}</span>
      <span className="tw-deadline__due">{fill(words.screen.deadlines.due, { date: dueText(d, lang) })}</span>
      <span className="tw-deadline__what">{what}</span>
      {state === "passed" && d.outcome ? <span className="tw-deadline__outcome">{d.outcome}</span> : null}
    </li>
  );
}

function DeadlinesPanel({ data, ctx }: { data: NonNullable<ScreenSnapshot["panels"]["deadlines"]>; ctx: Ctx }) {
  const w = ctx.words.screen.deadlines;
  return (
    <>
      <h3 className="tw-sub">{w.upcoming}</h3>
      {data.upcoming.length ? (
        <ul className="tw-list">
          {data.upcoming.map((d) => (
            <Deadline key={d.key} d={d} ctx={ctx} />
          ))}
        </ul>
      ) : (
        <p className="tw-muted">{w.none}</p>
      )}
      {data.recent.length ? (
        <>
          <h3 className="tw-sub">{w.recent}</h3>
          <ul className="tw-list">
            {data.recent.map((d) => (
              <Deadline key={d.key} d={d} ctx={ctx} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

const rate = (pct: number | null, lang: Locale) => (pct === null ? "—" : formatPct(pct, lang, { minimumFractionDigits: 0, maximumFractionDigits: 1 }));

function TariffsPanel({ data, ctx }: { data: NonNullable<ScreenSnapshot["panels"]["tariffs"]>; ctx: Ctx }) {
  const { words, lang } = ctx;
  const w = words.screen.tariffs;
  return (
    <ul className="tw-list tw-tariffs">
      {data.map((line) => (
        <li key={line.sector} className="tw-tariff">
          <span className="tw-tariff__sector">{label(words.sectors, line.sector)}</span>
          <span className="tw-num tw-tariff__rate">{line.inForce ? rate(line.inForce.ratePct, lang) : w.none}</span>
          {line.next ? (
            <span className="tw-tariff__next">
              {w.next}: <span className="tw-num">{rate(line.next.ratePct, lang)}</span> ({label(words.measureStatus, line.next.status)}
              {line.next.effectiveAt ? `, ${fill(w.from, { date: formatDateIn(line.next.effectiveAt, "America/New_York", lang) })}` : ""})
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function MarketPanel({ data, ctx }: { data: ScreenSnapshot["panels"]["market"]; ctx: Ctx }) {
  const { words, lang } = ctx;
  const w = words.screen.market;
  if (!data) return <p className="tw-muted">{w.none}</p>;
  const change = data.changePct;
  const event = data.latestEvent;
  const pct = (x: number | null) => (x === null ? "—" : formatPct(x, lang, { signed: true }));
  return (
    <div className="tw-market">
      <p className="tw-big">
        <span className="tw-num">{formatNumber(data.close, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</span>{" "}
        {change !== null ? (
          <span className="tw-num tw-change" data-direction={change > 0 ? "up" : change < 0 ? "down" : "flat"}>
            {change > 0 ? "▲" : change < 0 ? "▼" : "■"} {pct(change)}
          </span>
        ) : null}
      </p>
      <p className="tw-muted">
        {w.close} · {data.today ? w.today : fill(w.session, { date: formatDate(data.date, lang) })}
      </p>
      {data.stale ? (
        <p className="tw-stale" role="status" data-testid="screen-market-stale">
          {fill(w.stale, { days: String(data.lagDays) })}
        </p>
      ) : null}
      {event ? (
        <div className="tw-event">
          <h3 className="tw-sub">{w.latestEvent}</h3>
          <p>{event.title}</p>
          <p className="tw-muted">
            {event.reaction
              ? fill(w.reaction, { day: pct(event.reaction.dayPct), w1: pct(event.reaction.window1Pct), w5: pct(event.reaction.window5Pct) })
              : w.reactionPending}
          </p>
        </div>
      ) : null}
    </div>
  );
}

function SupportPanel({ data, ctx }: { data: NonNullable<ScreenSnapshot["panels"]["support"]>; ctx: Ctx }) {
  const { words, lang } = ctx;
  const w = words.screen.support;
  return (
    <div className="tw-support">
      <p className="tw-muted">{w.committed}</p>
      <p className="tw-big">
        <span className="tw-num">{formatMoney(data.committedKrw, "KRW", lang)}</span>
      </p>
      <p className="tw-num">{formatMoney(data.committedUsd, "USD", lang)}</p>
      <p className="tw-muted">
        {w.proposed}: <span className="tw-num">{formatMoney(data.proposedKrw, "KRW", lang)}</span> · {fill(w.count, { count: data.count })}
      </p>
      <ul className="tw-list tw-small">
        {data.latest.map((b, i) => (
          <li key={i}>
            {b.title} — <span className="tw-num">{formatMoney(b.amount, b.currency, lang)}</span> ({label(words.budgetStatus, b.status)})
          </li>
        ))}
      </ul>
    </div>
  );
}

function ChangesPanel({ data, ctx }: { data: NonNullable<ScreenSnapshot["panels"]["changes"]>; ctx: Ctx }) {
  if (!data.length) return <p className="tw-muted">{ctx.words.screen.changes.none}</p>;
  return (
    <ul className="tw-list tw-changes">
      {data.map((c, i) => (
        <li key={`${c.at}-${i}`}>
          <span className="tw-num tw-change-time">{formatTimeOfDay(c.at, ctx.zone)}</span> {c.text}
        </li>
      ))}
    </ul>
  );
}

function ProductsPanel({ data, ctx }: { data: ScreenSnapshot["panels"]["products"]; ctx: Ctx }) {
  const { words, lang } = ctx;
  const w = words.screen.products;
  if (!data || data.lines.length === 0) return <p className="tw-muted">{w.none}</p>;
  const pct = (x: number) => `${formatNumber(x, lang, { maximumFractionDigits: 2 })}%`;
  return (
    <>
      <p className="tw-muted">{data.name}</p>
      <ul className="tw-list tw-products">
        {data.lines.map((l) => (
          <li key={l.hts10} data-changed={l.changedAt ? "true" : "false"}>
            <span className="tw-num">{`${l.hts10.slice(0, 4)}.${l.hts10.slice(4, 6)}.${l.hts10.slice(6, 8)}`}</span> {l.label}{" "}
            <strong className="tw-num">{pct(l.dutyPct)}</strong>
            {l.previousPct !== null ? <span className="tw-muted"> ({fill(w.was, { pct: pct(l.previousPct) })})</span> : null}
          </li>
        ))}
      </ul>
      {data.more > 0 ? <p className="tw-muted">{fill(w.more, { count: String(data.more) })}</p> : null}
    </>
  );
}

/** One panel with its heading; `data-testid="screen-panel-<name>"`. */
export function Panel({ panel, snapshot, ctx }: { panel: ScreenPanel; snapshot: ScreenSnapshot; ctx: Ctx }) {
  const p = snapshot.panels;
  let body: ReactNode = null;
  if (panel === "deadlines" && p.deadlines) body = <DeadlinesPanel data={p.deadlines} ctx={ctx} />;
  else if (panel === "tariffs" && p.tariffs) body = <TariffsPanel data={p.tariffs} ctx={ctx} />;
  else if (panel === "market" && p.market !== undefined) body = <MarketPanel data={p.market} ctx={ctx} />;
  else if (panel === "support" && p.support) body = <SupportPanel data={p.support} ctx={ctx} />;
  else if (panel === "changes" && p.changes) body = <ChangesPanel data={p.changes} ctx={ctx} />;
  else if (panel === "products" && p.products !== undefined) body = <ProductsPanel data={p.products} ctx={ctx} />;
  return (
    <section className="tw-panel" data-panel={panel} data-testid={`screen-panel-${panel}`} aria-labelledby={`tw-panel-${panel}`}>
      <h2 className="tw-panel__title" id={`tw-panel-${panel}`}>
        {ctx.words.screen.panels[panel]}
      </h2>
      <div className="tw-panel__body">{body}</div>
    </section>
  );
}

export type PanelContext = Ctx;
