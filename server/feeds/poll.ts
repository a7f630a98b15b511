// Polls the feeds whose next check has come — in progress (helper D).
import type { Db } from "@/db/client";
import type { IngestConfig } from "@/server/ingest/config";

export async function pollDueFeeds(db: Db, config: IngestConfig, now: Date): Promise<{ feeds: number }> {
  void db;
  void config;
  void now;
  return { feeds: 0 };
}
