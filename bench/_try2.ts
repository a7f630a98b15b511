import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { SYNTHETIC_SQL } from "./synthetic";
const d = await openDatabase({ memory: true });
await d.migrate();
const obs = SYNTHETIC_SQL.at(-1)!;
const sel = obs.slice(obs.indexOf("select se.id"));
const series = SYNTHETIC_SQL.at(-3)!;
await d.db.execute(sql.raw(series));
const t = async (label: string, q: string) => { const t0 = performance.now(); await d.db.execute(sql.raw(q)); console.log(label, Math.round(performance.now() - t0)); };
await t("select sum", `select sum(close), sum(volume), max(known_at) from (${sel}) x`);
await t("temp insert", `create temp table tobs as ${sel}`);
await d.db.transaction(async (tx) => {
  await tx.execute(sql.raw("set local session_replication_role = replica"));
  const t0 = performance.now(); await tx.execute(sql.raw(obs)); console.log("insert replica", Math.round(performance.now() - t0));
});
await d.close();
