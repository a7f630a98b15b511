// Inputs of the dashboard's read procedures. Every read takes an optional `asOf` (core/trpc.ts `asOfInput`).
import { z } from "zod";
import { FIGURE_KINDS, SECTORS } from "@/server/core/constants";
import { asOfInput, isoDate, limitUpTo, offset } from "@/server/core/schemas";
import { MAX_BUDGETS, MAX_CHAINS, MAX_DEADLINES, MAX_FIGURES, MAX_SECTOR_MEASURES, MAX_SOURCES, MAX_TARIFF_STEPS } from "./constants";

/** Charts start at `from` (default CHART_START); at most `maxSteps` points per sector (default and cap MAX_TARIFF_STEPS). */
export const tariffStepsInput = asOfInput.extend({
  from: isoDate.optional(),
  maxSteps: z
    .number()
    .int()
    .min(2, "must be at least 2")
    .max(MAX_TARIFF_STEPS, `must be at most ${MAX_TARIFF_STEPS} (points per sector)`)
    .optional(),
});
/** A sector's detail: its measures in pages of `limit` (≤ MAX_SECTOR_MEASURES) from `offset`. */
export const sectorInput = asOfInput.extend({
  sector: z.enum(SECTORS),
  from: isoDate.optional(),
  offset: offset.optional(),
  limit: limitUpTo(MAX_SECTOR_MEASURES).optional(),
});
/** Up to `limit` upcoming and `limit` past deadlines, and the `chains` postponement chains that end latest. */
export const deadlinesInput = asOfInput.extend({
  sector: z.enum(SECTORS).optional(),
  limit: limitUpTo(MAX_DEADLINES).optional(),
  chains: z.number().int().min(0).max(MAX_CHAINS, `must be at most ${MAX_CHAINS}`).optional(),
});
export const budgetsInput = asOfInput.extend({ sector: z.enum(SECTORS).optional(), limit: limitUpTo(MAX_BUDGETS).optional() });
export const figuresInput = asOfInput.extend({ kind: z.enum(FIGURE_KINDS).optional(), limit: limitUpTo(MAX_FIGURES).optional() });

/** A page of the sources: `limit` (≤ MAX_SOURCES) from `offset`. */
export const sourcesInput = asOfInput.extend({ offset: offset.optional(), limit: limitUpTo(MAX_SOURCES).optional() });
