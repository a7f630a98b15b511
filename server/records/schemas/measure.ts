// Tariff measures: one version of a measure as an editor enters it.
import { z } from "zod";
import { CONFIDENCE_LEVELS, MEASURE_STATUSES, SECTORS } from "@/server/core/constants";
import { editMeta, localInstant, optionalDate, optionalText, ratePct, recordKey, sourceIds, text, title } from "@/server/core/schemas";

const country = z.string().regex(/^([A-Z]{2}|ALL)$/, "must be a two-letter country code or ALL");

export const measureFields = z.object({
  title,
  titleKo: optionalText(300),
  imposingCountry: country,
  targetCountry: country,
  sector: z.enum(SECTORS),
  ratePct: ratePct.nullable(),
  rateNote: optionalText(300),
  instrument: text(300),
  status: z.enum(MEASURE_STATUSES),
  announcedOn: optionalDate,
  effective: localInstant.nullish(),
  ends: localInstant.nullish(),
  confidence: z.enum(CONFIDENCE_LEVELS),
});

// Defaults only on create: an update changes just the fields it names.
export const createMeasureInput = measureFields.extend({
  imposingCountry: country.default("US"),
  confidence: z.enum(CONFIDENCE_LEVELS).default("high"),
  key: recordKey, sources: sourceIds, note: editMeta.note });
export const updateMeasureInput = measureFields
  .partial()
  .extend({ key: recordKey, sources: sourceIds.optional(), ...editMeta });
export type CreateMeasureInput = z.infer<typeof createMeasureInput>;
export type UpdateMeasureInput = z.infer<typeof updateMeasureInput>;
