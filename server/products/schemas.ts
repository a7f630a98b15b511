// Inputs of the product procedures and REST endpoints.
import { z } from "zod";
import { asOfInput, text } from "@/server/core/schemas";
import { PRODUCT_LIMITS } from "./constants";

/** An HTS-10 code, dots and spaces allowed ("8708.29.15.00"). */
export const hts10Input = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.]/g, ""))
  .pipe(z.string().regex(/^\d{10}$/, "an HTS code of ten digits, e.g. 8708.29.15.00"));

export const productSearchInput = z.object({
  q: text(100, { min: 0 }).refine((q) => q.length > 0, "type a code or words"),
  limit: z.number().int().min(1).max(PRODUCT_LIMITS.search).default(PRODUCT_LIMITS.searchDefault),
});

export const productInput = asOfInput.extend({ hts: hts10Input });

const item = z.object({ code: text(20), label: text(200, { min: 0 }).default("") });

export const watchlistInput = z.object({
  name: text(120),
  shared: z.boolean().default(false),
  items: z.array(item).max(10_000).default([]),
});
export type WatchlistInput = z.output<typeof watchlistInput>;

export const watchlistKeyInput = z.object({ key: z.string().regex(/^wl-[0-9a-f]{16}$/, "is not a watchlist key (wl-…)") });

export const watchlistUpdateInput = watchlistKeyInput.extend({
  name: text(120).optional(),
  shared: z.boolean().optional(),
  items: z.array(item).max(10_000).optional(),
});
export type WatchlistUpdateInput = z.output<typeof watchlistUpdateInput>;
