import { PGlite } from "@electric-sql/pglite";
const c = new PGlite();
for (const s of ["shared_buffers","temp_buffers","wal_level","full_page_writes","fsync","synchronous_commit","work_mem","maintenance_work_mem","wal_buffers","max_wal_size","checkpoint_timeout","autovacuum","server_version"]) {
  const r = await c.query(`show ${s}`); console.log(s, Object.values(r.rows[0] as any)[0]);
}
await c.exec("create table t (a int, b numeric(14,4), c timestamptz, d date)");
let t0 = performance.now();
await c.exec("insert into t select g, g*1.5, now(), current_date from generate_series(1,1000000) g");
console.log("plain 1M insert", performance.now()-t0);
t0 = performance.now();
await c.exec("create unlogged table u (a int, b numeric(14,4), c timestamptz, d date)");
await c.exec("insert into u select g, g*1.5, now(), current_date from generate_series(1,1000000) g");
console.log("unlogged 1M insert", performance.now()-t0);
await c.close();
