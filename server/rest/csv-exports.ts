// GET /api/v1/tariffs.csv?asOf=&sector= and /api/v1/deadlines.csv?asOf=&from=&to= — the tracked records as of a day,
// one row per version in force (tariffs) or per deadline, for spreadsheets; at most MAX_CSV_ROWS rows each.
import { z } from "zod";
import { resolveAsOf } from "@/server/core/as-of";
import { sourcesFor } from "@/server/core/citations";
import { AS_OF_ZONE, DISPLAY_ZONES, SECTORS } from "@/server/core/constants";
import { isoDate } from "@/server/core/schemas";
import { endOfDay, startOfDay, zonedIso } from "@/server/core/time";
import { allDeadlinesAsOf } from "@/server/dashboard/deadlines";
import { measureInForce } from "@/server/dashboard/tariff-rules";
import { measuresAsOf } from "@/server/dashboard/tariffs";
import { toCsv } from "./csv";
import { BadParameterError, csvResponse, parseQuery } from "./http";
import { MAX_CSV_ROWS } from "./constants";
import { asOf, type RestContext } from "./context";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const cited = (sources: readonly { url: string | null; title: string }[]) => sources.map((s) => s.url ?? s.title).join(" | ");

const TARIFF_COLUMNS = ["sector", "measure_key", "title", "imposing", "target", "rate_pct", "rate_note", "status", "in_force", "instrument", "announced_on", "effective_utc", "effective_zone", "ends_utc", "confidence", "known_at_utc", "sources"];
const DEADLINE_COLUMNS = ["deadline_key", "title", "kind", "status", "due_utc", "legal_zone", "due_washington", "due_seoul", "precision", "postponed_to", "outcome", "sector", "days_left", "sources"];

/** More rows than one export answers: say how to narrow it (the named parameter). */
function tooMany(param: string, how: string): never {
  throw new BadParameterError(param, `More than ${MAX_CSV_ROWS} rows: ${how}`);
}

export function createTariffsCsvHandler({ deps, readable }: RestContext) {
  return readable(async (req) => {
    const q = parseQuery(new URL(req.url), z.object({ asOf, sector: z.enum(SECTORS).optional() }));
    const at = resolveAsOf(q.asOf, deps.now()).at;
    const db = (await deps.database()).db;
    const measures = await measuresAsOf(db, at, q.sector, MAX_CSV_ROWS + 1);
    if (measures.length > MAX_CSV_ROWS) tooMany("sector", "ask for one sector at a time with ?sector=");
    const sources = await sourcesFor(db, "measure", measures.map((m) => m.measureKey), at);
    const inForce = new Set(SECTORS.map((s) => measureInForce(measures, s, at)?.measureKey));
    const rows = measures
      .sort((a, b) => a.sector.localeCompare(b.sector) || (a.effectiveAt?.getTime() ?? 0) - (b.effectiveAt?.getTime() ?? 0))
      .map((m) => [
        m.sector, m.measureKey, m.title, m.imposingCountry, m.targetCountry, m.ratePct, m.rateNote, m.status,
        inForce.has(m.measureKey), m.instrument, m.announcedOn, iso(m.effectiveAt), m.effectiveZone, iso(m.endsAt),
        m.confidence, iso(m.knownAt), cited(sources.get(m.measureKey) ?? []),
      ]);
    return csvResponse(toCsv(TARIFF_COLUMNS, rows), "tariffs.csv");
  });
}

export function createDeadlinesCsvHandler({ deps, readable }: RestContext) {
  return readable(async (req) => {
    const q = parseQuery(
      new URL(req.url),
      z.object({ asOf, from: isoDate.optional(), to: isoDate.optional() }).refine((r) => !r.from || !r.to || r.from <= r.to, {
        message: "must not be after to",
        path: ["from"],
      }),
    );
    const at = resolveAsOf(q.asOf, deps.now()).at;
    const due = { from: q.from ? startOfDay(q.from, AS_OF_ZONE) : undefined, to: q.to ? endOfDay(q.to, AS_OF_ZONE) : undefined };
    const deadlines = await allDeadlinesAsOf((await deps.database()).db, at, { ...due, limit: MAX_CSV_ROWS + 1 });
    if (deadlines.length > MAX_CSV_ROWS) tooMany("from", "narrow the due dates with ?from= and ?to= (YYYY-MM-DD, Seoul days)");
    const rows = deadlines.map((d) => [
      d.deadlineKey, d.title, d.kind, d.status, d.dueAt.toISOString(), d.dueZone,
      zonedIso(d.dueAt, DISPLAY_ZONES.washington), zonedIso(d.dueAt, DISPLAY_ZONES.seoul), d.precision,
      d.postponedToKey, d.outcome, d.sector, d.status === "upcoming" ? d.countdown.days : null, cited(d.sources),
    ]);
    return csvResponse(toCsv(DEADLINE_COLUMNS, rows), "deadlines.csv");
  });
}
