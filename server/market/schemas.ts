// Series observations entered by hand or from a CSV upload. Rows are checked one by one in the service so that a
// bad file gets a report per row ({ row, field, message }); the schema only bounds the shape and size.
import { z } from "zod";
import { isIsoDate } from "@/server/core/time";
import type { RowProblem } from "@/server/core/errors";
import { asOfInput, isoDate, MAX_NOTE, optionalText } from "@/server/core/schemas";
import { CHART_FIELDS, MAX_CHART_POINTS, MAX_REACTION_EVENTS } from "./constants";

export const MAX_OBSERVATION_ROWS = 50_000;

const price = z.number().nullish();

export const observationRow = z.object({
  date: z.string().max(10),
  open: price,
  high: price,
  low: price,
  close: z.number(),
  volume: z.number().nullish(),
});

export const seriesKey = z.string().regex(/^[a-z0-9_-]{1,40}$/, "must be a series key such as kospi");

/** A series' days from `from` to `to` (both optional), as of `asOf`. */
export const seriesRangeInput = asOfInput
  .extend({ key: seriesKey.default("kospi"), from: isoDate.optional(), to: isoDate.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "must not be after to", path: ["from"] });
/** A chart: at most `maxPoints` (≤ MAX_CHART_POINTS) buckets, each with every OHLCV field or only its close. */
export const chartInput = seriesRangeInput.safeExtend({
  maxPoints: z.number().int().min(10).max(MAX_CHART_POINTS, `must be at most ${MAX_CHART_POINTS}`).optional(),
  fields: z.enum(CHART_FIELDS).optional(),
});
export const reactionsInput = asOfInput.extend({
  key: seriesKey.default("kospi"),
  limit: z.number().int().min(1).max(MAX_REACTION_EVENTS, `must be at most ${MAX_REACTION_EVENTS}`).optional(),
});

export const upsertObservationsInput = z.object({
  series: seriesKey,
  rows: z.array(observationRow).min(1, "give at least one row").max(MAX_OBSERVATION_ROWS, `at most ${MAX_OBSERVATION_ROWS} rows at once`),
  note: optionalText(MAX_NOTE),
});
export type ObservationRowInput = z.infer<typeof observationRow>;
export type UpsertObservationsInput = z.infer<typeof upsertObservationsInput>;

export type { RowProblem };

/** numeric(14, 4) */
const MAX_PRICE = 1e10;

/** Problems of one row (numbered from 1), empty when it is fine. */
export function observationRowProblems(r: ObservationRowInput, row: number): RowProblem[] {
  const out: RowProblem[] = [];
  const bad = (field: string, message: string) => out.push({ row, field, message });
  if (!isIsoDate(r.date)) bad("date", "must be a calendar date YYYY-MM-DD");
  for (const field of ["open", "high", "low", "close"] as const) {
    const v = r[field];
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v) || v <= 0) bad(field, "must be a number greater than 0");
    else if (v >= MAX_PRICE) bad(field, "is too large");
  }
  if (r.high != null && r.low != null && r.high < r.low) bad("high", "must not be below low");
  if (r.volume != null && (!Number.isSafeInteger(r.volume) || r.volume < 0)) bad("volume", "must be a whole number ≥ 0");
  return out;
}
