// GET /api/v1/overview?asOf= — the first screen as plain JSON: tariffs in force per sector, the next deadline, the
// last KOSPI close, support budgets and the trade balance, each with its sources (documented in docs/api.md).
import { z } from "zod";
import { resolveAsOf } from "@/server/core/as-of";
import type { SourceRef } from "@/server/core/citations";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { zonedIso } from "@/server/core/time";
import type { Overview } from "@/server/dashboard/overview";
import { json, parseQuery } from "./http";
import { asOf, type RestContext } from "./context";

type Tile = Overview["tariffs"][number];
type Claim = { value: number; label: string; source: { title: string } };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const sourceOut = (s: SourceRef) => ({ title: s.title, publisher: s.publisher, publishedOn: s.publishedOn, url: s.url });
const claimOut = (cl: Claim) => ({ value: cl.value, label: cl.label, source: cl.source.title });

function tariffOut(t: Tile) {
  return {
    sector: t.sector,
    ratePct: t.inForce?.ratePct ?? null,
    status: t.inForce?.status ?? null,
    effective: iso(t.inForce?.effectiveAt),
    effectiveZone: t.inForce?.effectiveZone ?? null,
    instrument: t.inForce?.instrument ?? null,
    title: t.inForce?.title ?? null,
    target: t.inForce?.targetCountry ?? null,
    next: t.pending.map((p) => ({ title: p.title, ratePct: p.ratePct, status: p.status, effective: iso(p.effectiveAt), instrument: p.instrument })),
    sources: t.sources.map(sourceOut),
    conflicts: t.conflicts.map((c) => ({ title: c.title, status: c.status, claims: c.claims.map(claimOut) })),
  };
}

function deadlineOut(next: NonNullable<Overview["nextDeadline"]>) {
  return {
    title: next.title,
    dueAt: next.dueAt.toISOString(),
    zone: next.dueZone,
    local: { washington: zonedIso(next.dueAt, DISPLAY_ZONES.washington), seoul: zonedIso(next.dueAt, DISPLAY_ZONES.seoul) },
    daysLeft: next.countdown.days,
    secondsLeft: Math.floor(next.countdown.ms / 1000),
    sources: next.sources.map(sourceOut),
  };
}

function supportOut(s: Overview["support"]) {
  return {
    totalKrw: s.totalKrw,
    totalUsd: s.totalUsd,
    committedKrw: s.committedKrw,
    proposedKrw: s.proposedKrw,
    items: s.items.map((b) => ({
      title: b.title,
      programme: b.programme,
      amount: b.amount,
      currency: b.currency,
      amountUsd: b.amountUsd,
      usdRate: b.usdRate,
      usdRateNote: b.usdRateNote,
      status: b.status,
      proposedOn: b.proposedOn,
      passedOn: b.passedOn,
      sources: b.sources.map(sourceOut),
    })),
  };
}

/** The overview as the REST API answers it (`date`: the as-of day asked for). */
export function overviewBody(o: Overview, date: string) {
  const { market, tradeBalance } = o;
  return {
    asOf: date,
    asOfInstant: o.at.toISOString(),
    tariffs: o.tariffs.map(tariffOut),
    nextDeadline: o.nextDeadline && deadlineOut(o.nextDeadline),
    market: market && {
      index: market.index,
      date: market.date,
      close: market.close,
      changePct: market.changePct === null ? null : Math.round(market.changePct * 100) / 100,
    },
    support: supportOut(o.support),
    tradeBalance: tradeBalance && {
      amountUsd: tradeBalance.value,
      year: tradeBalance.period,
      title: tradeBalance.title,
      sources: tradeBalance.sources.map(sourceOut),
      conflicts: tradeBalance.conflicts.map((c) => ({ title: c.title, claims: c.claims.map(claimOut) })),
    },
  };
}

export function createOverviewHandler({ deps, caller, readable }: RestContext) {
  return readable(async (req, user) => {
    const q = parseQuery(new URL(req.url), z.object({ asOf }));
    const when = resolveAsOf(q.asOf, deps.now());
    const api = await caller(user);
    const o = await api.overview.get({ asOf: when.at.toISOString() });
    return json(overviewBody(o, when.date));
  });
}
