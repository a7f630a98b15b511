// What a status screen shows: one compact JSON payload with each configured panel's content as of `now`, built
// from the dashboard's own services. Computed once per distinct configuration per data change and sent as is to
// every open copy of the screen (server/screens/stream.ts), so it holds only what a TV draws: no sources, no
// history, instants as ISO strings.
import { and, desc, eq, inArray, lte, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, deadlines, users } from "@/db/schema";
import type { AuditAction, AuditRecordType, DeadlineStatus, Locale } from "@/server/core/constants";
import type { DeadlineGlanceState, ScreenPanel } from "./constants";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { deadlineGlance } from "./rules";
import { localDate } from "@/server/core/time";
import type { ScreenConfig } from "./schemas";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { readDataVersions } from "@/server/core/data-version";
import { pastDeadlinesAsOf, upcomingDeadlinesAsOf, type DeadlineView } from "@/server/dashboard/deadlines";
import { eventReactions, lastClose } from "@/server/market/series";
import { MARKET_STALE_DAYS } from "@/server/market/constants";
import { listBudgets } from "@/server/dashboard/support";
import { getTariffBoard, type MeasureView } from "@/server/dashboard/tariffs";
import { latestVersionAt } from "@/server/core/versions";
import { watchlistView } from "@/server/products/watchlists";

export const SNAPSHOT_LIMITS = { upcoming: 6, recent: 3, changes: 10, budgets: 3, products: 8 } as const;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export type ScreenDeadline = {
  key: string;
  title: string;
  kind: string;
  sector: string | null;
  dueAt: string;
  dueZone: string;
  precision: "minute" | "day";
  status: DeadlineStatus;
  state: DeadlineGlanceState;
  /** When it turns amber / red: the screen recolours itself between snapshots. */
  amberAt: string;
  redAt: string;
  /** Where a postponed deadline went. */
  postponedTo: { key: string; title: string; dueAt: string; dueZone: string } | null;
  /** What happened (met, cancelled…), in the screen's language when known. */
  outcome: string | null;
};

export type ScreenMeasure = { title: string; ratePct: number | null; status: string; effectiveAt: string | null };
export type ScreenTariffLine = { sector: string; inForce: ScreenMeasure | null; next: ScreenMeasure | null };

export type ScreenMarket = {
  index: string;
  date: string;
  /** The last close is from today's session in Seoul. */
  today: boolean;
  /** Calendar days in Seoul since the last close; the screen says the feed is behind past MARKET_STALE_DAYS. */
  lagDays: number;
  stale: boolean;
  close: number;
  previousClose: number | null;
  changePct: number | null;
  latestEvent: {
    title: string;
    occurredAt: string;
    occurredZone: string;
    /** Day 0 is the first session that could react; null while it has not closed. */
    reaction: { date: string; dayPct: number | null; window1Pct: number | null; window5Pct: number | null } | null;
  } | null;
} | null;

export type ScreenSupport = {
  committedKrw: number;
  proposedKrw: number;
  committedUsd: number;
  proposedUsd: number;
  count: number;
  latest: { title: string; amount: number; currency: string; status: string }[];
};

export type ScreenChange = { at: string; action: AuditAction; recordType: AuditRecordType; recordKey: string; who: string; text: string };

export type ScreenSnapshot = {
  serverTime: string;
  /** The data version this snapshot was computed from (read before the data: a change in between sends another). */
  dataVersion: string;
  language: Locale;
  panels: {
    deadlines?: { upcoming: ScreenDeadline[]; recent: ScreenDeadline[] };
    tariffs?: ScreenTariffLine[];
    market?: ScreenMarket;
    support?: ScreenSupport;
    changes?: ScreenChange[];
    products?: ScreenProducts;
  };
};

/** "Our products": a watchlist's lines with their duty now and the latest changes the watch found. */
export type ScreenProducts = {
  name: string;
  lines: { hts10: string; label: string; dutyPct: number; previousPct: number | null; changedAt: string | null }[];
  more: number;
} | null;

const titleIn = (lang: Locale, r: { title: string; titleKo?: string | null }) => (lang === "ko" && r.titleKo ? r.titleKo : r.title);

async function deadlinesPanel(db: Db, lang: Locale, now: Date): Promise<NonNullable<ScreenSnapshot["panels"]["deadlines"]>> {
  const [upcoming, recent] = await Promise.all([
    upcomingDeadlinesAsOf(db, now, SNAPSHOT_LIMITS.upcoming),
    pastDeadlinesAsOf(db, now, SNAPSHOT_LIMITS.recent),
  ]);
  const targetKeys = recent.map((d) => d.postponedToKey).filter((k): k is string => !!k);
  const targets = targetKeys.length
    ? await db
        .select({ key: deadlines.deadlineKey, title: deadlines.title, titleKo: deadlines.titleKo, dueAt: deadlines.dueAt, dueZone: deadlines.dueZone })
        .from(deadlines)
        .where(and(latestVersionAt(deadlines, deadlines.deadlineKey, deadlines.knownAt, now), inArray(deadlines.deadlineKey, targetKeys)))
    : [];
  const tile = (d: DeadlineView): ScreenDeadline => {
    const glance = deadlineGlance({ dueAt: d.dueAt, dueZone: d.dueZone, status: d.status }, now);
    const to = targets.find((t) => t.key === d.postponedToKey);
    return {
      key: d.deadlineKey,
      title: titleIn(lang, d),
      kind: d.kind,
      sector: d.sector,
      dueAt: d.dueAt.toISOString(),
      dueZone: d.dueZone,
      precision: d.precision,
      status: d.status,
      state: glance.state,
      amberAt: glance.amberAt.toISOString(),
      redAt: glance.redAt.toISOString(),
      postponedTo: to ? { key: to.key, title: titleIn(lang, to), dueAt: to.dueAt.toISOString(), dueZone: to.dueZone } : null,
      outcome: (lang === "ko" ? d.outcomeKo : null) ?? d.outcome,
    };
  };
  return { upcoming: upcoming.map(tile), recent: recent.map(tile) };
}

async function tariffsPanel(db: Db, lang: Locale, now: Date): Promise<ScreenTariffLine[]> {
  const measure = (m: MeasureView | null | undefined): ScreenMeasure | null =>
    m ? { title: titleIn(lang, m), ratePct: m.ratePct, status: m.status, effectiveAt: iso(m.effectiveAt) } : null;
  return (await getTariffBoard(db, now)).map((t) => ({ sector: t.sector, inForce: measure(t.inForce), next: measure(t.pending[0]) }));
}

async function marketPanel(db: Db, lang: Locale, now: Date): Promise<ScreenMarket> {
  const [close, events] = await Promise.all([lastClose(db, "kospi", now), eventReactions(db, "kospi", now, { limit: 1 })]);
  if (!close) return null;
  const latest = events.at(-1);
  const lagDays = Math.round((Date.parse(localDate(now, DISPLAY_ZONES.seoul)) - Date.parse(close.date)) / 86_400_000);
  return {
    ...close,
    today: close.date === localDate(now, DISPLAY_ZONES.seoul),
    lagDays,
    stale: lagDays > MARKET_STALE_DAYS,
    latestEvent: latest
      ? {
          title: titleIn(lang, latest),
          occurredAt: latest.occurredAt.toISOString(),
          occurredZone: latest.occurredZone,
          reaction: latest.reaction
            ? { date: latest.reaction.date, dayPct: latest.reaction.dayPct, window1Pct: latest.reaction.window1Pct, window5Pct: latest.reaction.window5Pct }
            : null,
        }
      : null,
  };
}

async function supportPanel(db: Db, lang: Locale, now: Date): Promise<ScreenSupport> {
  const s = await listBudgets(db, now, undefined, SNAPSHOT_LIMITS.budgets);
  return {
    committedKrw: s.committedKrw,
    proposedKrw: s.proposedKrw,
    committedUsd: s.committedUsd,
    proposedUsd: s.proposedUsd,
    count: s.count,
    latest: s.items.slice(0, SNAPSHOT_LIMITS.budgets).map((b) => ({ title: titleIn(lang, b), amount: b.amount, currency: b.currency, status: b.status })),
  };
}

/** The record's title from an audit entry's before/after, when the entry has one. */
function auditTitle(lang: Locale, entry: { before: unknown; after: unknown; recordKey: string }): string {
  const candidates = [entry.after, (entry.after as { created?: unknown } | null)?.created, entry.before];
  for (const c of candidates) {
    if (c && typeof c === "object" && typeof (c as { title?: unknown }).title === "string") {
      return titleIn(lang, c as { title: string; titleKo?: string | null });
    }
  }
  return entry.recordKey;
}

async function changesPanel(db: Db, lang: Locale, now: Date): Promise<ScreenChange[]> {
  const rows = await db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      recordType: auditLog.recordType,
      recordKey: auditLog.recordKey,
      before: auditLog.before,
      after: auditLog.after,
      name: users.name,
    })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.userId))
    // Screen settings and the review workflow are not news (accepting a fact audits the record it wrote); the person is named, never their address.
    .where(and(notInArray(auditLog.recordType, ["screen", "article", "proposal", "feed", "contact_point"]), lte(auditLog.at, now)))
    .orderBy(desc(auditLog.id))
    .limit(SNAPSHOT_LIMITS.changes);
  const words = (lang === "ko" ? ko : en).audit;
  const someone = lang === "ko" ? "편집자" : "An editor";
  return rows.map((r) => {
    const who = r.name?.trim() || someone;
    const subject = r.recordType === "observation" ? words.type.observation : `${words.type[r.recordType]} “${auditTitle(lang, r)}”`;
    return {
      at: r.at.toISOString(),
      action: r.action,
      recordType: r.recordType,
      recordKey: r.recordKey,
      who,
      text: `${words.action[r.action]}: ${subject} — ${who}`,
    };
  });
}

async function productsPanel(db: Db, _lang: Locale, now: Date, config: Pick<ScreenConfig, "watchlist">): Promise<ScreenProducts> {
  if (!config.watchlist) return null;
  const view = await watchlistView(db, config.watchlist, now, null).catch(() => null);
  if (!view) return null;
  const latest = new Map<string, (typeof view.changes)[number]>();
  for (const c of view.changes) if (!latest.has(c.hts10)) latest.set(c.hts10, c);
  const lines = view.lines.map((l) => {
    const c = latest.get(l.hts10);
    return { hts10: l.hts10, label: l.label || l.description.split(" : ").at(-1)!, dutyPct: l.dutyPct, previousPct: c?.fromPct ?? null, changedAt: c ? c.foundAt.toISOString() : null };
  });
  // Changed lines first (latest change first), then the list's order.
  lines.sort((a, b) => (b.changedAt ?? "").localeCompare(a.changedAt ?? ""));
  return { name: view.name, lines: lines.slice(0, SNAPSHOT_LIMITS.products), more: Math.max(0, lines.length - SNAPSHOT_LIMITS.products) };
}

const PANELS: Record<ScreenPanel, (db: Db, lang: Locale, now: Date, config: Pick<ScreenConfig, "watchlist">) => Promise<unknown>> = {
  deadlines: deadlinesPanel,
  tariffs: tariffsPanel,
  market: marketPanel,
  support: supportPanel,
  changes: changesPanel,
  products: productsPanel,
};

/** The payload of a `snapshot` event for a screen with `config`, as of `now`. */
export async function screenSnapshot(db: Db, config: Pick<ScreenConfig, "panels" | "language"> & Partial<Pick<ScreenConfig, "watchlist">>, now: Date): Promise<ScreenSnapshot> {
  const { data: dataVersion } = await readDataVersions(db);
  const panels: Record<string, unknown> = {};
  // One after another: PGlite runs one query at a time anyway, and a pg pool is shared with the app's requests.
  for (const { panel } of config.panels) panels[panel] = await PANELS[panel](db, config.language, now, { watchlist: config.watchlist ?? null });
  return { serverTime: now.toISOString(), dataVersion, language: config.language, panels: panels as ScreenSnapshot["panels"] };
}
