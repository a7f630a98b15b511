import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { SYNTHETIC_SQL } from "./synthetic";
const d = await openDatabase({ memory: true });
await d.migrate();
await d.db.execute(sql.raw(SYNTHETIC_SQL.at(-3)!));
const v1 = `select se.id, date '2026-11-20' - 4999 + o.g, (o.c - 300) / 100.0, (o.c + 900) / 100.0, (o.c - 1100) / 100.0, o.c / 100.0,
  100000 + (o.g * 48271 + se.n * 16807) % 900000, timestamptz '2026-11-20 06:30:00+00' - (4999 - o.g) * interval '1 day'
  from (select id, substr(key, 7)::int as n from series where key like 'syn-s-%' order by id) se
  cross join lateral (select g, (100000 + se.n * 1000 + 30000 * sin(g / 97.0 + se.n) + 8000 * sin(g / 13.0) + (g * 7919 + se.n * 104729) % 1000)::bigint as c from generate_series(0, 4999) g offset 0) o`;
for (const replica of [true, false]) {
  await d.db.execute(sql.raw("truncate observations"));
  await d.db.transaction(async (tx) => {
    if (replica) await tx.execute(sql.raw("set local session_replication_role = replica"));
    const t0 = performance.now(); await tx.execute(sql.raw(`insert into observations (series_id, date, open, high, low, close, volume, known_at) ${v1}`)); console.log("v1 replica=" + replica, Math.round(performance.now() - t0));
  });
}
await d.db.execute(sql.raw("truncate observations"));
await d.db.transaction(async (tx) => {
  await tx.execute(sql.raw("set local session_replication_role = replica"));
  await tx.execute(sql.raw("alter table observations drop constraint observations_series_id_date_pk"));
  let t0 = performance.now(); await tx.execute(sql.raw(`insert into observations (series_id, date, open, high, low, close, volume, known_at) ${v1}`)); console.log("v1 no pk", Math.round(performance.now() - t0));
  t0 = performance.now(); await tx.execute(sql.raw("alter table observations add constraint observations_series_id_date_pk primary key (series_id, date)")); console.log("add pk", Math.round(performance.now() - t0));
});
await d.close();
