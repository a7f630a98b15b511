// The KOSPI daily closes shipped with the seed (kospi-daily.csv): parsed strictly, inserted as the "kospi" series.
import path from "node:path";
import { eq } from "drizzle-orm";
import * as t from "@/db/schema";
import { AS_OF_ZONE } from "@/server/core/constants";
import { startOfDay } from "@/server/core/time";
import type { Tx } from "@/server/core/transactions";
import { closeInstant } from "@/server/market/reaction-rules";

export const KOSPI_CSV = path.join(process.cwd(), "db", "seed", "kospi-daily.csv");

export type OhlcvRow = { date: string; open: number; high: number; low: number; close: number; volume: number };

export function parseKospiCsv(text: string): OhlcvRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const [header, ...rows] = lines;
  if (header?.trim() !== "date,open,high,low,close,volume") throw new Error(`Unexpected KOSPI CSV header: ${header}`);
  return rows.map((line, i) => {
    const [date, open, high, low, close, volume] = line.split(",");
    const row = { date: date!, open: +open!, high: +high!, low: +low!, close: +close!, volume: Math.round(+volume!) };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date) || [row.open, row.high, row.low, row.close].some(Number.isNaN)) {
      throw new Error(`Bad KOSPI CSV row ${i + 2}: ${line}`);
    }
    return row;
  });
}

/** The series row and its observations, each known from the close of its trading day. */
export async function seedKospi(tx: Tx, csv: string) {
  await tx
    .insert(t.series)
    .values({ key: "kospi", name: "KOSPI", unit: "index points", zone: "Asia/Seoul", knownAt: startOfDay("2024-08-05", AS_OF_ZONE) })
    .onConflictDoNothing();
  const [s] = await tx.select({ id: t.series.id }).from(t.series).where(eq(t.series.key, "kospi"));
  const rows = parseKospiCsv(csv).map((r) => ({ seriesId: s!.id, ...r, knownAt: closeInstant(r.date) }));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insert(t.observations).values(rows.slice(i, i + 1000)).onConflictDoNothing();
  }
}
