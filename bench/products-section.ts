// Issue 14's section of `npm run bench` (BENCH_ONLY=products): bench/products.ts on PGlite and, with
// BENCH_DATABASE_URL, on a fresh PostgreSQL database; prints the figures and checks the targets.
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/server/core/db";
import { heading, ms, table, withFreshPostgres } from "./lib";
import { benchProducts, type ProductFigures } from "./products";
import { check } from "./report";

function printProducts(label: string, f: ProductFigures) {
  console.log(
    table(
      [`products on ${label} (${f.lines.toLocaleString("en-US")} lines)`, "p50", "p95", "max"],
      [
        [`search (code prefixes with and without dots, words), ${f.search.n} queries`, ms(f.search.p50), ms(f.search.p95), ms(f.search.max)],
        [`one line's duty as of a date, ${f.duty.n} lines × dates`, ms(f.duty.p50), ms(f.duty.p95), ms(f.duty.max)],
      ],
    ),
  );
  console.log(`parts list: ${f.parts.rows.toLocaleString("en-US")} rows parsed in ${ms(f.parts.parseMs)}, rated on two dates and diffed in ${ms(f.parts.rateMs)} (${f.parts.changed} changed, ${f.parts.problems} problems)`);
  check(`14.search-${label}`, `${label}: product search p95 ≤ 20 ms over all lines`, ms(f.search.p95), f.search.p95 <= 20);
  check(`14.duty-${label}`, `${label}: one product's duty as of a date p95 ≤ 20 ms`, ms(f.duty.p95), f.duty.p95 <= 20);
  check(`14.parts-${label}`, `${label}: a 10,000-code parts list rated and diffed between two dates ≤ 2 s`, ms(f.parts.totalMs), f.parts.totalMs <= 2000 && f.parts.rows === 10_000);
}

export async function benchProductsSection(section: <T>(name: string, fn: () => Promise<T>) => Promise<T>) {
  heading("Products: search, one line's duty, a 10,000-code parts list (issue 14)");
  const out: Record<string, ProductFigures> = {};
  const lite = await prepareDatabase(await openDatabase({ memory: true }), { seed: true });
  try {
    out.pglite = await section("products pglite", () => benchProducts(lite));
    printProducts("pglite", out.pglite);
  } finally {
    await lite.close();
  }
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) {
    out.postgres = await withFreshPostgres(pgUrl, "tw_bench_products", async (database) => {
      await prepareDatabase(database, { seed: true });
      return section("products postgres", () => benchProducts(database));
    });
    printProducts("postgres", out.postgres);
  } else console.log("(BENCH_DATABASE_URL not set: products on PostgreSQL skipped)");
  return out;
}
