// Series observations entered by hand or from a CSV upload. Rows are checked one by one in the service so that a
// bad file gets a report per row ({ row, field, message }); the schema only bounds the shape and size.
import { z } from "zod";
import { MAX_NOTE, optionalText } from "./common";

export const MAX_OBSERVATION_ROWS = 20_000;

const price = z.number().nullish();

export const observationRow = z.object({
  date: z.string().max(10),
  open: price,
  high: price,
  low: price,
  close: z.number(),
  volume: z.number().nullish(),
});

export const upsertObservationsInput = z.object({
  series: z.string().regex(/^[a-z0-9_-]{1,40}$/, "must be a series key such as kospi"),
  rows: z.array(observationRow).min(1, "give at least one row").max(MAX_OBSERVATION_ROWS, `at most ${MAX_OBSERVATION_ROWS} rows at once`),
  note: optionalText(MAX_NOTE),
});
export type ObservationRowInput = z.infer<typeof observationRow>;
export type UpsertObservationsInput = z.infer<typeof upsertObservationsInput>;

export type { RowProblem } from "@/server/services/errors";
