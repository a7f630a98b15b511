import { sql } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../db/client";
import { SYNTHETIC_SQL } from "./synthetic";
const mode = process.argv[2];
const dir = mkdtempSync(path.join(tmpdir(), "twb-"));
const d = mode === "dir" ? await openDatabase({ dataDir: dir }) : await openDatabase({ memory: true });
await d.migrate();
await d.db.execute(sql.raw(SYNTHETIC_SQL.at(-3)!));
const t = async (label: string, q: string) => { const t0 = performance.now(); await d.db.execute(sql.raw(q)); console.log(label, Math.round(performance.now() - t0)); };
const cheap = `select se.id, date '2026-11-20' - 4999 + g as date,
  ((100000 + se.n * 1000 + 30000 * sin(g / 97.0 + se.n) + 8000 * sin(g / 13.0) + (g * 7919 + se.n * 104729) % 1000)::bigint - 300) / 100.0 as open,
  ((100000 + se.n * 1000 + 30000 * sin(g / 97.0 + se.n) + 8000 * sin(g / 13.0) + (g * 7919 + se.n * 104729) % 1000)::bigint + 900) / 100.0 as high,
  ((100000 + se.n * 1000 + 30000 * sin(g / 97.0 + se.n) + 8000 * sin(g / 13.0) + (g * 7919 + se.n * 104729) % 1000)::bigint - 1100) / 100.0 as low,
  ((100000 + se.n * 1000 + 30000 * sin(g / 97.0 + se.n) + 8000 * sin(g / 13.0) + (g * 7919 + se.n * 104729) % 1000)::bigint) / 100.0 as close,
  100000 + (g * 48271 + se.n * 16807) % 900000 as volume,
  timestamptz '2026-11-20 06:30:00+00' - (4999 - g) * interval '1 day' as known_at
  from (select id, substr(key, 7)::int as n from series where key like 'syn-s-%' order by id) se cross join generate_series(0, 4999) g`;
await t("cheap select", `select sum(open)+sum(high)+sum(low)+sum(close), sum(volume), max(known_at), max(date) from (${cheap}) x`);
await d.db.transaction(async (tx) => {
  await tx.execute(sql.raw("set local session_replication_role = replica"));
  const t0 = performance.now(); await tx.execute(sql.raw(`insert into observations (series_id, date, open, high, low, close, volume, known_at) ${cheap}`)); console.log("insert cheap replica", Math.round(performance.now() - t0));
});
await d.close();
rmSync(dir, { recursive: true, force: true });
