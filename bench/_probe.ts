import { sql } from "drizzle-orm";
import { openDatabase } from "/work/main/db/client";
import { prepareDatabase } from "/work/main/server/db";
const t0 = Date.now();
const d = await prepareDatabase(await openDatabase({ memory: true }), { seed: true });
console.log("seed ms", Date.now() - t0);
for (const tb of ["sources","citations","tariff_measures","deadlines","events","observations","series","budgets","figures","conflicts","conflict_claims"]) {
  const r = await d.db.execute(sql.raw(`select count(*)::int n from ${tb}`)) as any;
  console.log(tb, r.rows[0].n);
}
const r = await d.db.execute(sql`select status, count(*)::int n, min(known_at) mn, max(known_at) mx from tariff_measures group by 1`) as any; console.log(r.rows);
const r2 = await d.db.execute(sql`select status, count(*)::int n from deadlines group by 1`) as any; console.log(r2.rows);
const r3 = await d.db.execute(sql`select record_type, count(*)::int n from citations group by 1`) as any; console.log(r3.rows);
const r4 = await d.db.execute(sql`select measure_key, sector, status, rate_pct, effective_at, ends_at, known_at from tariff_measures order by sector, known_at limit 80`) as any; console.table(r4.rows);
await d.close();
