// Public read-only REST API v1 (documented in the README). Handlers are built over injected dependencies so tests
// run them against any database and clock; app/api/** only binds them to the process database.
import { z } from "zod";
import type { SessionUser } from "@/server/core/session-user";
import type { ReadAccess } from "@/server/core/constants";
import { env } from "@/server/core/env.js";
import type { Database } from "@/db/client";
import { createCaller } from "@/server/core/root";
import { checkHealth } from "@/server/core/db";
import { resolveAsOf } from "@/server/core/as-of";
import { allDeadlinesAsOf } from "@/server/dashboard/deadlines";
import { DISPLAY_ZONES, SECTORS } from "@/server/core/constants";
import { zonedIso } from "@/server/core/time";
import { isoDate } from "@/server/core/schemas";
import { asOfInput } from "@/server/core/trpc";
import { measureInForce } from "@/server/dashboard/tariff-rules";
import { sourcesFor } from "@/server/core/citations";
import { measuresAsOf } from "@/server/dashboard/tariffs";
import type { SourceRef } from "@/server/core/citations";
import { csvResponse, handle, json, parseQuery } from "./http";
import { toCsv } from "./csv";

export type RestDeps = {
  database: () => Promise<Database>;
  now: () => Date;
  /** The signed-in user of a request (session cookie); none by default. */
  user?: (headers: Headers) => Promise<SessionUser | null>;
  /** READ_ACCESS unless given: with "signed-in", reads without a session get 401. */
  readAccess?: ReadAccess;
};

const asOf = asOfInput.shape.asOf;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const sourceOut = (s: SourceRef) => ({ title: s.title, publisher: s.publisher, publishedOn: s.publishedOn, url: s.url });
const local = (d: Date) => ({ washington: zonedIso(d, DISPLAY_ZONES.washington), seoul: zonedIso(d, DISPLAY_ZONES.seoul) });

export function createRestHandlers(deps: RestDeps) {
  const readAccess = deps.readAccess ?? env.READ_ACCESS;
  const caller = async (user: SessionUser | null) =>
    createCaller({ db: (await deps.database()).db, now: deps.now, user, readAccess });

  /** A read endpoint: with READ_ACCESS=signed-in, answers 401 unless the request has a session. */
  const readable = (fn: (req: Request, user: SessionUser | null) => Promise<Response>) =>
    handle(async (req) => {
      const user = deps.user ? await deps.user(req.headers) : null;
      if (readAccess === "signed-in" && !user) {
        return json({ error: { code: "UNAUTHORIZED", message: "Sign in first: this installation is not public." } }, 401);
      }
      return fn(req, user);
    });

  const overview = readable(async (req, user) => {
    const q = parseQuery(new URL(req.url), z.object({ asOf }));
    const when = resolveAsOf(q.asOf, deps.now());
    const api = await caller(user);
    const o = await api.overview.get({ asOf: when.at.toISOString() });
    const next = o.nextDeadline;
    return json({
      asOf: when.date,
      asOfInstant: o.at.toISOString(),
      tariffs: o.tariffs.map((t) => ({
        sector: t.sector,
        ratePct: t.inForce?.ratePct ?? null,
        status: t.inForce?.status ?? null,
        effective: iso(t.inForce?.effectiveAt),
        effectiveZone: t.inForce?.effectiveZone ?? null,
        instrument: t.inForce?.instrument ?? null,
        title: t.inForce?.title ?? null,
        target: t.inForce?.targetCountry ?? null,
        next: t.pending.map((p) => ({
          title: p.title,
          ratePct: p.ratePct,
          status: p.status,
          effective: iso(p.effectiveAt),
          instrument: p.instrument,
        })),
        sources: t.sources.map(sourceOut),
        conflicts: t.conflicts.map((c) => ({
          title: c.title,
          status: c.status,
          claims: c.claims.map((cl) => ({ value: cl.value, label: cl.label, source: cl.source.title })),
        })),
      })),
      nextDeadline: next && {
        title: next.title,
        dueAt: next.dueAt.toISOString(),
        zone: next.dueZone,
        local: local(next.dueAt),
        daysLeft: next.countdown.days,
        secondsLeft: Math.floor(next.countdown.ms / 1000),
        sources: next.sources.map(sourceOut),
      },
      market: o.market && {
        index: o.market.index,
        date: o.market.date,
        close: o.market.close,
        changePct: o.market.changePct === null ? null : Math.round(o.market.changePct * 100) / 100,
      },
      support: {
        totalKrw: o.support.totalKrw,
        totalUsd: o.support.totalUsd,
        committedKrw: o.support.committedKrw,
        proposedKrw: o.support.proposedKrw,
        items: o.support.items.map((b) => ({
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
      },
      tradeBalance: o.tradeBalance && {
        amountUsd: o.tradeBalance.value,
        year: o.tradeBalance.period,
        title: o.tradeBalance.title,
        sources: o.tradeBalance.sources.map(sourceOut),
        conflicts: o.tradeBalance.conflicts.map((c) => ({
          title: c.title,
          claims: c.claims.map((cl) => ({ value: cl.value, label: cl.label, source: cl.source.title })),
        })),
      },
    });
  });

  const tariffsCsv = readable(async (req) => {
    const q = parseQuery(new URL(req.url), z.object({ asOf }));
    const at = resolveAsOf(q.asOf, deps.now()).at;
    const db = (await deps.database()).db;
    const measures = await measuresAsOf(db, at);
    const sources = await sourcesFor(db, "measure", measures.map((m) => m.measureKey), at);
    const inForce = new Set(SECTORS.map((s) => measureInForce(measures, s, at)?.measureKey));
    const rows = measures
      .sort((a, b) => a.sector.localeCompare(b.sector) || (a.effectiveAt?.getTime() ?? 0) - (b.effectiveAt?.getTime() ?? 0))
      .map((m) => [
        m.sector,
        m.measureKey,
        m.title,
        m.imposingCountry,
        m.targetCountry,
        m.ratePct,
        m.rateNote,
        m.status,
        inForce.has(m.measureKey),
        m.instrument,
        m.announcedOn,
        iso(m.effectiveAt),
        m.effectiveZone,
        iso(m.endsAt),
        m.confidence,
        iso(m.knownAt),
        (sources.get(m.measureKey) ?? []).map((src) => src.url ?? src.title).join(" | "),
      ]);
    return csvResponse(
      toCsv(
        ["sector", "measure_key", "title", "imposing", "target", "rate_pct", "rate_note", "status", "in_force", "instrument", "announced_on", "effective_utc", "effective_zone", "ends_utc", "confidence", "known_at_utc", "sources"],
        rows,
      ),
      "tariffs.csv",
    );
  });

  const deadlinesCsv = readable(async (req) => {
    const q = parseQuery(new URL(req.url), z.object({ asOf }));
    const at = resolveAsOf(q.asOf, deps.now()).at;
    const rows = (await allDeadlinesAsOf((await deps.database()).db, at)).map((d) => [
      d.deadlineKey,
      d.title,
      d.kind,
      d.status,
      d.dueAt.toISOString(),
      d.dueZone,
      zonedIso(d.dueAt, DISPLAY_ZONES.washington),
      zonedIso(d.dueAt, DISPLAY_ZONES.seoul),
      d.precision,
      d.postponedToKey,
      d.outcome,
      d.sector,
      d.status === "upcoming" ? d.countdown.days : null,
      d.sources.map((s) => s.url ?? s.title).join(" | "),
    ]);
    return csvResponse(
      toCsv(
        ["deadline_key", "title", "kind", "status", "due_utc", "legal_zone", "due_washington", "due_seoul", "precision", "postponed_to", "outcome", "sector", "days_left", "sources"],
        rows,
      ),
      "deadlines.csv",
    );
  });

  const seriesCsv = (file: string) =>
    readable(async (req, user) => {
      const m = /^([a-z0-9_-]{1,40})\.csv$/.exec(file);
      if (!m) return json({ error: { code: "NOT_FOUND", message: `No series file "${file}"; try kospi.csv` } }, 404);
      const q = parseQuery(new URL(req.url), z.object({ asOf, from: isoDate.optional(), to: isoDate.optional() }));
      const api = await caller(user);
      const rows = await api.market.rows({ key: m[1]!, asOf: q.asOf, from: q.from, to: q.to });
      return csvResponse(
        toCsv(["date", "open", "high", "low", "close", "volume"], rows.map((r) => [r.date, r.open, r.high, r.low, r.close, r.volume])),
        `${m[1]}.csv`,
      );
    });

  const health = handle(async () => {
    const h = await checkHealth(await deps.database());
    return json(h, h.ok ? 200 : 503);
  });

  return { overview, tariffsCsv, deadlinesCsv, seriesCsv, health };
}
