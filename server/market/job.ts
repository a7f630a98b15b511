// Appends the day's index closes after the KRX close — in progress (helper E).
import type { Db } from "@/db/client";
import type { IngestConfig } from "@/server/ingest/config";

export async function runMarketClose(db: Db, config: IngestConfig, now: Date): Promise<{ appended: number }> {
  void db;
  void config;
  void now;
  return { appended: 0 };
}
