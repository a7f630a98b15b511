// Turning what an editor or a feed gives into a stored article — in progress (helper B). Signatures are the contract.
import type { Db } from "@/db/client";
import type { IngestResult } from "./articles";
import type { FetchPolicy } from "./config";

export type IngestContext = { now: Date; userId: string | null; policy: FetchPolicy };

export type UrlIngestInput = {
  url: string;
  origin?: "url" | "feed";
  feedId?: number | null;
  /** Known from the feed item: used when the page itself gives none. */
  title?: string | null;
  publishedOn?: string | null;
  /** The item's own HTML/text (feed content:encoded / summary), used when the page cannot be fetched. */
  fallbackHtml?: string | null;
};

export async function ingestFromUrl(db: Db, input: UrlIngestInput, ctx: IngestContext): Promise<IngestResult> {
  void db;
  void input;
  void ctx;
  throw new Error("ingestFromUrl: not implemented yet");
}
