// Support budgets: one version as an editor enters it.
import { z } from "zod";
import { BUDGET_STATUSES, SECTORS } from "@/server/core/constants";
import { amount, editMeta, MAX_NOTE, optionalDate, optionalText, recordKey, sourceIds, text, title } from "@/server/core/schemas";

const currency = z.string().regex(/^[A-Z]{3}$/, "must be a three-letter currency code such as KRW");

export const budgetFields = z.object({
  title,
  titleKo: optionalText(300),
  programme: text(300),
  purpose: text(MAX_NOTE),
  sector: z.enum(SECTORS).nullish(),
  amount,
  currency,
  amountUsd: amount.nullish(),
  usdRate: z.number().finite().positive("must be positive").max(1e9, "is too large").nullish(),
  usdRateDate: optionalDate,
  usdRateNote: optionalText(MAX_NOTE),
  status: z.enum(BUDGET_STATUSES),
  proposedOn: optionalDate,
  passedOn: optionalDate,
  executedOn: optionalDate,
  budgetNote: optionalText(MAX_NOTE),
});

// Defaults only on create: an update changes just the fields it names.
export const createBudgetInput = budgetFields.extend({
  currency: currency.default("KRW"),
  key: recordKey, sources: sourceIds, note: editMeta.note });
export const updateBudgetInput = budgetFields
  .partial()
  .extend({ key: recordKey, sources: sourceIds.optional(), ...editMeta });
export type CreateBudgetInput = z.infer<typeof createBudgetInput>;
export type UpdateBudgetInput = z.infer<typeof updateBudgetInput>;
