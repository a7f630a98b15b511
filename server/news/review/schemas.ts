// The review queue's inputs: filters, an edited fact (checked per kind, in the shapes of
// server/news/extract/types.ts), accept with its choices, reject.
import { z } from "zod";
import { MAX_NEWS_PAGE, PROPOSAL_STATUSES } from "@/server/news/constants";
import { FACT_KINDS, FACT_TARIFF_STATUSES, type Fact, type FactKind } from "@/server/news/extract/types";
import { FACT_SECTORS } from "@/server/news/extract/sectors";
import { MAX_NOTE, isoDate, limitUpTo, optionalText, recordKey, rowId, text } from "@/server/core/schemas";

const pct = z.number().finite().min(0, "must be between 0 and 1000").max(1000, "must be between 0 and 1000");
const money = z.number().finite().positive("must be more than 0").max(1e18, "is too large");
const nullableDate = isoDate.nullable();

/** The fields an editor may change, per kind (evidence and confidence stay as extracted). */
export const factFieldSchemas = {
  tariff_rate: z.object({
    sector: z.enum(FACT_SECTORS),
    ratePct: pct,
    country: z.enum(["KR", "ALL"]),
    status: z.enum(FACT_TARIFF_STATUSES),
    effective: nullableDate,
  }),
  deadline: z.object({ date: isoDate, what: text(300) }),
  market_move: z.object({
    index: z.literal("KOSPI"),
    changePct: z.number().finite().min(-100, "must be between -100 and 1000").max(1000, "must be between -100 and 1000").nullable(),
    level: z.number().finite().positive("must be more than 0").max(1e7, "is too large").nullable(),
    date: nullableDate,
  }),
  budget: z.object({
    amount: money,
    currency: z.string().regex(/^[A-Z]{3}$/, "must be a three-letter currency code such as KRW"),
    purpose: text(MAX_NOTE),
  }),
  trade_balance: z.object({
    amountUsd: z.number().finite().min(-1e18, "is too small").max(1e18, "is too large"),
    year: z.number().int("must be a whole year").min(1900, "must be a year from 1900").max(2200, "must be a year before 2200").nullable(),
  }),
  tax_change: z.object({ tax: text(300), fromPct: pct, toPct: pct, until: nullableDate }),
  investment_pledge: z.object({ amountUsd: money, purpose: text(MAX_NOTE) }),
} satisfies Record<FactKind, z.ZodType>;

/** Checks the fields of a fact of `kind`; the error names the field. */
export function parseFactFields(kind: FactKind, fields: unknown) {
  return factFieldSchemas[kind].safeParse(fields);
}

export type FactFields = { [K in FactKind]: Omit<Extract<Fact, { kind: K }>, "kind" | "evidence" | "confidence" | "cue" | "basis"> };

const id = rowId;

export const listProposalsInput = z.object({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  kind: z.enum(FACT_KINDS).optional(),
  conflictsOnly: z.boolean().optional(),
  articleId: id.optional(),
  limit: limitUpTo(MAX_NEWS_PAGE).default(50),
  /** "article": newest article first, then in article order; "confidence": the least sure first (then oldest). */
  order: z.enum(["article", "confidence"]).default("article"),
  /** Paging: the proposals after this one in the list's order. */
  before: id.optional(),
});
export type ListProposalsInput = z.input<typeof listProposalsInput>;

export const editProposalInput = z.object({
  id,
  /** Fields of the fact to change (others stay); checked against the fact's kind after merging. */
  patch: z.record(z.string(), z.unknown()),
  note: optionalText(MAX_NOTE),
});
export type EditProposalInput = z.infer<typeof editProposalInput>;

export const rejectProposalInput = z.object({ id, note: optionalText(MAX_NOTE) });
export type RejectProposalInput = z.infer<typeof rejectProposalInput>;

/**
 * When the proposal contradicts a tracked value the editor says which is right: `keep_tracked` keeps the record and
 * opens (or extends) a conflict with both values and their sources; `use_article` writes the article's value to the
 * record as a new version. Either needs a note saying why.
 */
export const CONFLICT_CHOICES = ["keep_tracked", "use_article"] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export const acceptProposalInput = z.object({
  id,
  /** "new" creates a record even when one matches; a key writes a new version of that record. Default: the match. */
  target: z.union([z.literal("new"), recordKey]).optional(),
  conflictChoice: z.enum(CONFLICT_CHOICES).optional(),
  note: optionalText(MAX_NOTE),
});
export type AcceptProposalInput = z.infer<typeof acceptProposalInput>;
