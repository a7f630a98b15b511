// Ingesting a 1,000-item feed: a local server serves one RSS document listing 1,000 items (all matching the default
// keywords) whose pages are distinct small HTML articles written here (tariff wording, varied numbers); one pollFeed
// into a fresh in-memory PGlite fetches every page, reduces it to text, extracts facts and stores articles and
// proposals. Measures the wall time of that poll and the process's resident memory before and after.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { articles } from "@/db/schema";
import { createFeed } from "@/server/news/feeds/feeds";
import { pollFeed } from "@/server/news/feeds/poll";
import { FETCH_TIMEOUT_MS, MAX_REDIRECTS } from "@/server/core/constants";
import { MAX_ARTICLE_BYTES } from "@/server/news/constants";
import type { IngestConfig } from "@/server/core/config";

const ITEMS = Number(process.env.BENCH_FEED_ITEMS ?? 1000);
const SECTORS = ["steel", "autos", "semiconductors", "shipbuilding", "aluminium", "pharmaceuticals", "batteries", "lumber"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

function page(i: number): string {
  const sector = SECTORS[i % SECTORS.length]!;
  const from = 10 + (i % 16);
  const to = from + 5 + (i % 7);
  const kospi = (2400 + ((i * 37) % 900) + (i % 100) / 100).toFixed(2);
  const move = ((i % 29) / 10 + 0.1).toFixed(1);
  const budget = 1 + (i % 9);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Duties on ${sector} move to ${to}% (${i})</title></head><body>
<nav>Home · Markets · Trade</nav><article><h1>Duties on ${sector} move to ${to}% (report ${i})</h1>
<p>Washington will raise the tariff on Korean ${sector} from ${from}% to ${to}% starting next ${DAYS[i % DAYS.length]}, trade officials said in dispatch number ${i}.</p>
<p>The KOSPI ${i % 2 ? "fell" : "rose"} ${move}% to ${kospi} as exporters weighed the decision, while the won moved little against the dollar.</p>
<p>Seoul's finance ministry said it would set aside ${budget} trillion won to help ${sector} suppliers adjust, and negotiators plan another round of talks before the month ends.</p>
</article><footer>Bench desk ${i}</footer></body></html>`;
}

function rss(base: string): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    items.push(
      `<item><title>Tariff on ${SECTORS[i % SECTORS.length]} changes (report ${i})</title><link>${base}/a/${i}</link><guid>bench-${i}</guid><pubDate>Mon, 23 Nov 2026 0${i % 10}:00:00 GMT</pubDate><description>Trade officials announce a tariff change, report ${i}.</description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench desk</title>${items.join("")}</channel></rss>`;
}

const rssMb = () => Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;

export async function benchFeedIngest(): Promise<{ items: number; seconds: number; itemsPerSecond: number; articles: number; rssMbBefore: number; rssMbAfter: number }> {
  let feedXml = "";
  const server = http.createServer((req, res) => {
    const m = /^\/a\/(\d+)$/.exec(req.url ?? "");
    if (req.url === "/feed.xml") return res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(feedXml);
    if (m) return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(Number(m[1])));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  feedXml = rss(base);
  const database = await openDatabase({ memory: true });
  try {
    await database.migrate();
    const now = new Date("2026-11-23T09:00:00Z");
    const ingest: IngestConfig = {
      fetch: { allowPrivate: ["127.0.0.1"], maxBytes: MAX_ARTICLE_BYTES, timeoutMs: FETCH_TIMEOUT_MS, maxRedirects: MAX_REDIRECTS },
      market: { provider: "none", moveEventPct: 2 },
    };
    const feed = await createFeed(database.db, { user: null, now }, { name: "Bench desk", url: `${base}/feed.xml` });
    const rssMbBefore = rssMb();
    const started = performance.now();
    const summary = await pollFeed(database.db, feed.id, ingest, now);
    const seconds = (performance.now() - started) / 1000;
    const rssMbAfter = rssMb();
    const [stored] = await database.db.select({ n: count() }).from(articles).where(eq(articles.feedId, feed.id));
    return {
      items: summary.items,
      seconds: Math.round(seconds * 100) / 100,
      itemsPerSecond: Math.round((summary.items / seconds) * 10) / 10,
      articles: stored?.n ?? 0,
      rssMbBefore,
      rssMbAfter,
    };
  } finally {
    await database.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

// `npx tsx bench/feeds.ts` runs it alone.
if (process.argv[1] && /bench[\\/]feeds\.ts$/.test(process.argv[1])) {
  benchFeedIngest().then((r) => console.log(JSON.stringify(r)), (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
