// Series observations by hand or from a CSV upload: every row checked, then all rows written or none, audited.
// A new hand-entered close is known from the later of now and the exchange's close that day (never in the past); a
// replaced one is corrected in place and keeps its known_at, so past views show the corrected value.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { observations, series } from "@/db/schema";
import { closeInstant } from "./reaction-rules";
import { observationRowProblems, type UpsertObservationsInput } from "./schemas";
import { NotFoundError, RowErrorsError, type RowProblem } from "@/server/core/errors";
import { inTransaction } from "@/server/core/transactions";
import { writeAudit } from "@/server/core/audit";
import { type SignedInActor } from "@/server/core/actor";

export { observationRowProblems };

const CHUNK = 1000;

export function upsertObservations(db: Db, ctx: SignedInActor, input: UpsertObservationsInput) {
  const report: RowProblem[] = [];
  const seen = new Map<string, number>();
  input.rows.forEach((r, i) => {
    report.push(...observationRowProblems(r, i + 1));
    const first = seen.get(r.date);
    if (first !== undefined) report.push({ row: i + 1, field: "date", message: `${r.date} is already in row ${first}` });
    else seen.set(r.date, i + 1);
  });
  if (report.length > 0) throw new RowErrorsError(report);

  return inTransaction(db, async (tx) => {
    const [s] = await tx.select({ id: series.id }).from(series).where(eq(series.key, input.series));
    if (!s) throw new NotFoundError(`Series "${input.series}"`);
    const rows = input.rows.map((r) => ({
      seriesId: s.id,
      date: r.date,
      open: r.open ?? null,
      high: r.high ?? null,
      low: r.low ?? null,
      close: r.close,
      volume: r.volume ?? null,
      knownAt: new Date(Math.max(ctx.now.getTime(), closeInstant(r.date).getTime())),
    }));
    const replaced = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      replaced.push(
        ...(await tx
          .select()
          .from(observations)
          .where(and(eq(observations.seriesId, s.id), inArray(observations.date, chunk.map((r) => r.date))))),
      );
      await tx
        .insert(observations)
        .values(chunk)
        .onConflictDoUpdate({
          target: [observations.seriesId, observations.date],
          set: {
            open: sqlExcluded("open"),
            high: sqlExcluded("high"),
            low: sqlExcluded("low"),
            close: sqlExcluded("close"),
            volume: sqlExcluded("volume"),
            // A replaced observation is a correction of that day: it keeps the instant it was first known.
          },
        });
    }
    const dates = rows.map((r) => r.date).sort();
    await writeAudit(tx, ctx, {
      action: "upsert",
      recordType: "observation",
      recordKey: input.series,
      before: replaced.length ? { rows: replaced } : null,
      after: { count: rows.length, from: dates[0], to: dates.at(-1), rows: input.rows },
      note: input.note,
    });
    return { written: rows.length, replaced: replaced.length };
  });
}

const sqlExcluded = (column: string) => sql.raw(`excluded."${column}"`);
