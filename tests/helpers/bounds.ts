// Helpers of the "every answer bounded" tests: paging through a list to its end, and the superjson size of an answer.
import superjson from "superjson";
import { expect } from "vitest";

/** What /api/trpc sends for an answer, in bytes. */
export const trpcBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(superjson.serialize(value)));

/**
 * Pages through a limit + offset list from the start: every page holds at most `limit` rows, no row comes twice, and
 * the pages end exactly at `total` (or, for a list that does not count, at the first short page). Returns the rows.
 */
export async function pageThrough<T>(
  fetchPage: (offset: number) => Promise<{ rows: T[]; total?: number }>,
  { limit, keyOf }: { limit: number; keyOf: (row: T) => string | number },
): Promise<T[]> {
  const seen = new Set<string | number>();
  const all: T[] = [];
  let total: number | undefined;
  for (let offset = 0, pages = 0; ; pages++) {
    expect(pages, "paging must end").toBeLessThan(10_000);
    const page = await fetchPage(offset);
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    for (const row of page.rows) {
      const key = keyOf(row);
      expect(seen.has(key), `row ${key} came twice`).toBe(false);
      seen.add(key);
      all.push(row);
    }
    total = page.total ?? total;
    offset += page.rows.length;
    if (page.rows.length < limit || (total !== undefined && offset >= total)) break;
  }
  if (total !== undefined) expect(all.length).toBe(total);
  return all;
}
