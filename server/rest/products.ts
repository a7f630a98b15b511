// GET /api/v1/products/<hts10>?asOf=YYYY-MM-DD — one line's additional duty on Korean goods, step by step with
// sources; GET /api/v1/products.csv?codes=…&asOf= — many lines as CSV (documented in docs/api.md).
import { z } from "zod";
import { resolveAsOf } from "@/server/core/as-of";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { zonedIso } from "@/server/core/time";
import { openDutyBook } from "@/server/products/book";
import { PRODUCT_LIMITS } from "@/server/products/constants";
import type { SourcedAnswer } from "@/server/products/duty";
import { PROGRAMME_LABELS } from "@/server/products/labels";
import { toCsv } from "./csv";
import { BadParameterError, csvResponse, json, parseQuery } from "./http";
import { asOf, type RestContext } from "./context";

const compact = (code: string) => code.replace(/[\s.]/g, "");

/** The JSON body of one line's answer (`date`: the as-of day asked for). */
export function productBody(a: SourcedAnswer, description: string, date: string) {
  return {
    hts: a.hts,
    description,
    asOf: date,
    asOfInstant: a.at.toISOString(),
    asOfLocal: { washington: zonedIso(a.at, DISPLAY_ZONES.washington), seoul: zonedIso(a.at, DISPLAY_ZONES.seoul) },
    knownAt: a.knownAt.toISOString(),
    origin: a.origin,
    baseRatePct: a.baseRatePct,
    additionalDutyPct: a.additionalDutyPct,
    uncertain: a.uncertain,
    measures: a.components.map((c) => ({
      programme: c.programme,
      programmeLabel: PROGRAMME_LABELS[c.programme]?.en ?? c.programme,
      measureKey: c.measureKey,
      title: c.title,
      instrument: c.instrument,
      ch99: c.ch99,
      ratePct: c.ratePct,
      allIn: c.allIn,
      basis: c.basis,
      sharePct: c.sharePct,
      contributionPct: c.contributionPct,
      lists: c.listKeys,
      sources: c.sources.map((s) => ({ title: s.title, publisher: s.publisher, publishedOn: s.publishedOn, url: s.url })),
    })),
    excluded: a.excluded.map((e) => ({ programme: e.programme, reason: e.reason, lists: e.listKeys })),
    notes: a.notes.map((n) => ({ code: n.code, text: n.text, uncertain: n.uncertain })),
  };
}

export function createProductHandler({ deps, caller, readable }: RestContext) {
  return (code: string) =>
    readable(async (req, user) => {
      const hts = compact(decodeURIComponent(code));
      if (!/^\d{10}$/.test(hts)) throw new BadParameterError("hts", `"${code}" is not an HTS code of ten digits (e.g. 8708291500 or 8708.29.15.00)`);
      const q = parseQuery(new URL(req.url), z.object({ asOf }));
      const when = resolveAsOf(q.asOf, deps.now());
      const api = await caller(user);
      const { description, ...answer } = await api.products.duty({ hts, asOf: when.at.toISOString() });
      return json(productBody(answer, description, when.date));
    });
}

const CSV_COLUMNS = ["hts", "description", "as_of", "additional_duty_pct", "uncertain", "programmes", "measures", "instruments", "ch99", "notes"];

export function createProductsCsvHandler({ deps, readable }: RestContext) {
  return readable(async (req) => {
    const q = parseQuery(new URL(req.url), z.object({ asOf, codes: z.string().min(1, "lists no code").max(PRODUCT_LIMITS.csvCodes * 16) }));
    const codes = q.codes.split(",").map((c) => compact(c)).filter(Boolean);
    if (codes.length > PRODUCT_LIMITS.csvCodes) throw new BadParameterError("codes", `More than ${PRODUCT_LIMITS.csvCodes} codes: upload a parts list at /products/parts instead`);
    const malformed = codes.filter((c) => !/^\d{10}$/.test(c));
    if (malformed.length) throw new BadParameterError("codes", `Not HTS codes of ten digits: ${malformed.slice(0, 10).join(", ")}`);
    const when = resolveAsOf(q.asOf, deps.now());
    const book = await openDutyBook((await deps.database()).db, codes);
    const unknown = codes.filter((c) => book.describe(c) === null);
    if (unknown.length) return json({ error: { code: "NOT_FOUND", param: "codes", message: `No such HTS line: ${unknown.slice(0, 10).join(", ")}` } }, 404);
    const rows = codes.map((hts) => {
      const a = book.duty(hts, when.at);
      return [
        hts, book.describe(hts), when.date, a.additionalDutyPct, a.uncertain,
        a.components.map((c) => c.programme).join(" | "), a.components.map((c) => c.measureKey ?? c.title).join(" | "),
        a.components.map((c) => c.instrument).join(" | "), a.components.map((c) => c.ch99 ?? "").join(" | "), a.notes.map((n) => n.code).join(" | "),
      ];
    });
    return csvResponse(toCsv(CSV_COLUMNS, rows), `products-${when.date}.csv`);
  });
}
