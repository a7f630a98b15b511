// The seed files' records as table rows: one row per version, instants converted from local time + zone, Korean
// titles and notes joined in from ./ko.ts. Pure: the steps in ./steps.ts insert what these return.
import type * as t from "@/db/schema";
import { AS_OF_ZONE } from "@/server/core/constants";
import { endOfDay, localToInstant, startOfDay } from "@/server/core/time";
import * as ko from "./ko";
import type { BudgetSeed, DeadlineSeed, EventSeed, FigureSeed, Known, LocalInstant, MeasureSeed, SourceSeed } from "./types";

/** When a record became known: the end of its day in the zone named, or the exact instant. */
export const knownAt = (k: Known): Date => ("at" in k ? new Date(k.at) : endOfDay(k.on, k.zone));
const instant = (l: LocalInstant | null | undefined): Date | null => (l ? localToInstant(l.local, l.zone) : null);

export function sourceRow(s: SourceSeed): typeof t.sources.$inferInsert {
  return {
    key: s.key,
    title: s.title,
    publisher: s.publisher,
    publishedOn: s.publishedOn,
    url: s.url,
    kind: s.kind,
    language: s.language ?? "en",
    note: s.note ?? null,
    knownAt: s.publishedOn ? endOfDay(s.publishedOn, AS_OF_ZONE) : startOfDay("2012-01-01", AS_OF_ZONE),
  };
}

/** A version states only what changed: its rate, note and instrument fall back to the measure's. */
export function measureRows(m: MeasureSeed): (typeof t.tariffMeasures.$inferInsert)[] {
  return m.versions.map((v) => ({
    measureKey: m.key,
    title: m.title,
    titleKo: ko.MEASURE_TITLES_KO[m.key] ?? null,
    targetCountry: m.target,
    sector: m.sector,
    ratePct: v.ratePct !== undefined ? v.ratePct : m.ratePct,
    rateNote: v.rateNote !== undefined ? v.rateNote : (m.rateNote ?? null),
    rateNoteKo: v.rateNote === undefined && m.rateNote ? (ko.RATE_NOTES_KO[m.key] ?? null) : null,
    instrument: v.instrument ?? m.instrument,
    status: v.status,
    announcedOn: m.announcedOn,
    effectiveAt: instant(v.effective),
    effectiveZone: v.effective?.zone ?? null,
    endsAt: instant(v.ends),
    endsZone: v.ends?.zone ?? null,
    confidence: v.confidence ?? "high",
    knownAt: knownAt(v.known),
  }));
}

export function deadlineRows(d: DeadlineSeed): (typeof t.deadlines.$inferInsert)[] {
  return d.versions.map((v) => {
    const due = v.due ?? d.due;
    return {
      deadlineKey: d.key,
      title: d.title,
      titleKo: ko.DEADLINE_TITLES_KO[d.key] ?? null,
      description: d.description ?? null,
      kind: d.kind,
      dueAt: localToInstant(due.local, due.zone),
      dueZone: due.zone,
      precision: d.precision ?? "minute",
      status: v.status,
      postponedToKey: v.postponedTo ?? null,
      outcome: v.outcome ?? null,
      outcomeKo: v.outcome ? (ko.DEADLINE_OUTCOMES_KO[d.key] ?? null) : null,
      measureKey: d.measureKey ?? null,
      sector: d.sector ?? null,
      knownAt: knownAt(v.known),
    };
  });
}

export function eventRow(e: EventSeed): typeof t.events.$inferInsert {
  return {
    eventKey: e.key,
    title: e.title,
    titleKo: ko.EVENT_TITLES_KO[e.key] ?? null,
    category: e.category,
    sector: e.sector ?? null,
    occurredAt: localToInstant(e.occurred.local, e.occurred.zone),
    occurredZone: e.occurred.zone,
    publicAt: instant(e.public),
    precision: e.precision ?? "day",
    confidence: e.confidence,
    knownAt: knownAt(e.known),
  };
}

/** KRW amounts get their USD value at the budget's stated rate, to the cent. */
export function budgetRows(b: BudgetSeed): (typeof t.budgets.$inferInsert)[] {
  return b.versions.map((v) => ({
    budgetKey: b.key,
    title: v.title ?? b.title,
    titleKo: ko.BUDGET_TITLES_KO[b.key] ?? null,
    programme: b.programme,
    purpose: b.purpose,
    sector: b.sector ?? null,
    amount: v.amount,
    currency: b.currency,
    amountUsd: b.currency === "USD" ? v.amount : b.usdRate ? Math.round((v.amount / b.usdRate.krwPerUsd) * 100) / 100 : null,
    usdRate: b.usdRate?.krwPerUsd ?? null,
    usdRateDate: b.usdRate?.date ?? null,
    usdRateNote: b.usdRate?.note ?? null,
    status: v.status,
    proposedOn: v.proposedOn ?? null,
    passedOn: v.passedOn ?? null,
    executedOn: v.executedOn ?? null,
    note: v.note ?? null,
    knownAt: knownAt(v.known),
  }));
}

export function figureRows(f: FigureSeed): (typeof t.figures.$inferInsert)[] {
  return f.versions.map((v) => ({
    figureKey: f.key,
    kind: f.kind,
    title: f.title,
    titleKo: ko.FIGURE_TITLES_KO[f.key] ?? null,
    period: f.period ?? null,
    value: v.value,
    fromValue: v.fromValue ?? null,
    unit: f.unit,
    validUntil: v.validUntil ?? null,
    note: v.note ?? null,
    knownAt: knownAt(v.known),
  }));
}
