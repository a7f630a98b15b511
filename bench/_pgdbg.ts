import { withFreshPostgres } from "./lib";
import { benchAlertsOn } from "./alerts";
const subs = Number(process.argv[2] ?? 20000);
const t0 = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const r = await withFreshPostgres("postgres://postgres@127.0.0.1:5432/postgres", "tw_dbg", async (db) => (await db.migrate(), benchAlertsOn(db, "postgres", subs, t0)));
console.log(JSON.stringify(r, null, 1).slice(0, 3000));
