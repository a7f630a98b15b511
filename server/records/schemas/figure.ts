// Tracked figures (trade balance, pledges, tax changes, export values): one version as an editor enters it.
// Every figure cites at least one source.
import { z } from "zod";
import { FIGURE_KINDS } from "@/server/core/constants";
import { editMeta, figureValue, MAX_NOTE, optionalDate, optionalText, recordKey, sourceIds, text, title } from "@/server/core/schemas";

export const figureFields = z.object({
  kind: z.enum(FIGURE_KINDS),
  title,
  titleKo: optionalText(300),
  period: optionalText(40),
  value: figureValue,
  fromValue: figureValue.nullish(),
  unit: text(40),
  validUntil: optionalDate,
  figureNote: optionalText(MAX_NOTE),
});

export const createFigureInput = figureFields.extend({ key: recordKey, sources: sourceIds, note: editMeta.note });
export const updateFigureInput = figureFields
  .partial()
  .extend({ key: recordKey, sources: sourceIds.optional(), ...editMeta });
export type CreateFigureInput = z.infer<typeof createFigureInput>;
export type UpdateFigureInput = z.infer<typeof updateFigureInput>;
