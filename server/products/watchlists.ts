// Watchlists (db/watchlist-schema.ts): a person's or their team's saved HTS lines. Writes need a signed-in user: the
// owner changes a private list; the owner or an editor a shared one. Items are validated row by row (a bad or
// unknown code names its row and nothing is written); items, sectors and the list change in one transaction.
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { products, watchlistChanges, watchlistItems, watchlists, watchlistSectors } from "@/db/schema";
import { hasRole, type SessionUser } from "@/server/core/session-user";
import { BadInputError, NotFoundError, RowErrorsError, ServiceError, type RowProblem } from "@/server/core/errors";
import { inTransaction } from "@/server/core/transactions";
import { openDutyBook } from "./book";
import { PRODUCT_LIMITS } from "./constants";
import { PROGRAMME_SECTORS } from "./programmes";
import type { WatchlistInput, WatchlistUpdateInput } from "./schemas";

export type Watchlist = typeof watchlists.$inferSelect;

const newKey = () => `wl-${randomBytes(8).toString("hex")}`;
const compact = (code: string) => code.replace(/[\s.\-]/g, "");

/** Lists the user may see: their own and the team's. */
const visibleTo = (user: SessionUser) => or(eq(watchlists.ownerId, user.id), eq(watchlists.shared, true));

export const canChange = (user: SessionUser, w: Pick<Watchlist, "ownerId" | "shared">) => w.ownerId === user.id || (w.shared && hasRole(user, "editor"));

/** The items as rows to store: codes checked against the schedule, duplicates merged (the first label wins). */
async function checkedItems(db: Db, items: WatchlistInput["items"]): Promise<{ hts10: string; label: string; position: number }[]> {
  if (items.length > PRODUCT_LIMITS.watchlistCodes) throw new BadInputError("items", `at most ${PRODUCT_LIMITS.watchlistCodes} lines per watchlist`);
  const codes = items.map((i) => compact(i.code));
  const known = new Set(
    codes.some((c) => /^\d{10}$/.test(c))
      ? (await db.select({ hts10: products.hts10 }).from(products).where(inArray(products.hts10, [...new Set(codes.filter((c) => /^\d{10}$/.test(c)))]))).map((r) => r.hts10)
      : [],
  );
  const problems: RowProblem[] = [];
  const out = new Map<string, { hts10: string; label: string; position: number }>();
  codes.forEach((code, i) => {
    if (!/^\d{10}$/.test(code)) problems.push({ row: i + 1, field: "code", message: `"${items[i]!.code}" is not an HTS code of ten digits` });
    else if (!known.has(code)) problems.push({ row: i + 1, field: "code", message: `no HTS line ${code}` });
    else if (!out.has(code)) out.set(code, { hts10: code, label: items[i]!.label.trim(), position: out.size });
  });
  if (problems.length) throw new RowErrorsError(problems);
  return [...out.values()];
}

/** The sectors whose deadlines concern the lines (their programmes' sectors, and all goods). */
async function sectorsOf(db: Db, codes: string[]): Promise<string[]> {
  const book = await openDutyBook(db, codes);
  const sectors = new Set<string>(["all_goods"]);
  for (const code of codes) for (const h of book.hits(code)) if (h.effect === "covers" && PROGRAMME_SECTORS[h.programme]) sectors.add(PROGRAMME_SECTORS[h.programme]!);
  return [...sectors].sort();
}

export async function createWatchlist(db: Db, user: SessionUser, input: WatchlistInput, now: Date): Promise<Watchlist> {
  const items = await checkedItems(db, input.items);
  const sectors = await sectorsOf(db, items.map((i) => i.hts10));
  return inTransaction(db, async (tx) => {
    const [w] = await tx.insert(watchlists).values({ key: newKey(), name: input.name, shared: input.shared, ownerId: user.id, createdAt: now, updatedAt: now }).returning();
    if (items.length) await tx.insert(watchlistItems).values(items.map((i) => ({ ...i, watchlistId: w!.id })));
    await tx.insert(watchlistSectors).values(sectors.map((sector) => ({ watchlistId: w!.id, sector })));
    return w!;
  });
}

async function changeable(db: Db, user: SessionUser, key: string): Promise<Watchlist> {
  const [w] = await db.select().from(watchlists).where(and(eq(watchlists.key, key), visibleTo(user)));
  if (!w) throw new NotFoundError(`Watchlist ${key}`);
  if (!canChange(user, w)) throw new ServiceError("Only its owner (or an editor, for a team list) can change this watchlist", "BAD_REQUEST", "key");
  return w;
}

/** Renames, shares or replaces the lines; a line kept keeps its last known duty (no change is invented). */
export async function updateWatchlist(db: Db, user: SessionUser, input: WatchlistUpdateInput, now: Date): Promise<Watchlist> {
  const w = await changeable(db, user, input.key);
  const items = input.items ? await checkedItems(db, input.items) : null;
  const sectors = items ? await sectorsOf(db, items.map((i) => i.hts10)) : null;
  return inTransaction(db, async (tx) => {
    const [updated] = await tx
      .update(watchlists)
      .set({ name: input.name ?? w.name, shared: input.shared ?? w.shared, updatedAt: now })
      .where(eq(watchlists.id, w.id))
      .returning();
    if (items && sectors) {
      const before = new Map((await tx.select().from(watchlistItems).where(eq(watchlistItems.watchlistId, w.id))).map((i) => [i.hts10, i]));
      await tx.delete(watchlistItems).where(eq(watchlistItems.watchlistId, w.id));
      if (items.length) {
        await tx.insert(watchlistItems).values(items.map((i) => ({ ...i, watchlistId: w.id, dutyPct: before.get(i.hts10)?.dutyPct ?? null, programmes: before.get(i.hts10)?.programmes ?? null })));
      }
      await tx.delete(watchlistSectors).where(eq(watchlistSectors.watchlistId, w.id));
      await tx.insert(watchlistSectors).values(sectors.map((sector) => ({ watchlistId: w.id, sector })));
    }
    return updated!;
  });
}

export async function deleteWatchlist(db: Db, user: SessionUser, key: string): Promise<void> {
  const w = await changeable(db, user, key);
  await db.delete(watchlists).where(eq(watchlists.id, w.id));
}

export async function listWatchlists(db: Db, user: SessionUser) {
  return db
    .select({ key: watchlists.key, name: watchlists.name, shared: watchlists.shared, ownerId: watchlists.ownerId, updatedAt: watchlists.updatedAt, checkedAt: watchlists.checkedAt })
    .from(watchlists)
    .where(visibleTo(user))
    .orderBy(desc(watchlists.updatedAt))
    .limit(PRODUCT_LIMITS.watchlists);
}

/** One list as its page and the screens show it: each line's duty now, the recent changes. */
export async function watchlistView(db: Db, key: string, now: Date, user: SessionUser | null) {
  const [w] = await db.select().from(watchlists).where(user ? and(eq(watchlists.key, key), visibleTo(user)) : eq(watchlists.key, key));
  if (!w) throw new NotFoundError(`Watchlist ${key}`);
  const items = await db.select().from(watchlistItems).where(eq(watchlistItems.watchlistId, w.id)).orderBy(asc(watchlistItems.position));
  const book = await openDutyBook(db, items.map((i) => i.hts10));
  const changes = await db
    .select()
    .from(watchlistChanges)
    .where(eq(watchlistChanges.watchlistId, w.id))
    .orderBy(desc(watchlistChanges.foundAt))
    .limit(PRODUCT_LIMITS.watchlistChanges);
  const lines = items.map((i) => {
    const duty = book.duty(i.hts10, now);
    return { hts10: i.hts10, label: i.label, description: book.describe(i.hts10) ?? "", dutyPct: duty.additionalDutyPct, uncertain: duty.uncertain, programmes: duty.components.map((c) => c.programme) };
  });
  return { key: w.key, name: w.name, shared: w.shared, ownerId: w.ownerId, canChange: !!user && canChange(user, w), checkedAt: w.checkedAt, lines, changes };
}
