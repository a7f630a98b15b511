// Point-in-time selection shared by every versioned table: a version is the one in force at `at` when it is the
// newest of its key known by then. Written as a correlated max() so that it runs per candidate row as an index-only
// probe of the (key, known_at) unique index — cheap when the other conditions leave few candidates — instead of
// sorting every version (DISTINCT ON) or hashing the whole table (what the planner makes of NOT EXISTS).
import { and, lte, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

export function latestVersionAt(table: PgTable, key: PgColumn, knownAt: PgColumn, at: Date): SQL {
  const iso = at.toISOString();
  const k = sql.identifier(key.name);
  const known = sql.identifier(knownAt.name);
  return and(
    lte(knownAt, at),
    sql`${knownAt} = (select max(newer.${known}) from ${table} as newer
      where newer.${k} = ${key} and newer.${known} <= ${iso}::timestamptz)`,
  )!;
}

/**
 * The same condition written as "known_at ≥ the newest known by then" (equal, given known_at ≤ at). The planner
 * estimates this inequality as far less selective than the equality, so for an ORDER BY … LIMIT it walks an ordered
 * index and stops once it has enough rows, instead of fetching every candidate and sorting them: for reads that take
 * the first few versions in force along an index (the next deadlines, a step chart's lookups).
 */
export function latestVersionWalkAt(table: PgTable, key: PgColumn, knownAt: PgColumn, at: Date): SQL {
  const iso = at.toISOString();
  const k = sql.identifier(key.name);
  const known = sql.identifier(knownAt.name);
  return and(
    lte(knownAt, at),
    sql`${knownAt} >= (select max(newer.${known}) from ${table} as newer
      where newer.${k} = ${key} and newer.${known} <= ${iso}::timestamptz)`,
  )!;
}
