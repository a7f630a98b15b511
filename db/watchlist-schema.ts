// Watchlists: a saved list of HTS lines, a person's (private) or their team's (shared with every signed-in user).
// The alerts follow a watchlist (subscription scope "watchlist", value = its key): a watched line whose coverage or
// duty changes is a `product_change` notification, told once (watchlist_changes, one row per change); a deadline in
// a sector the watched lines are under (watchlist_sectors) reminds like a sector subscription.
import { boolean, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth-schema";
import { products } from "./product-schema";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const watchlists = pgTable("watchlists", {
  id: serial("id").primaryKey(),
  /** Unguessable: what a subscription and a screen name (random, not the title). */
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
  /** Shared with the team (every signed-in user sees it; its owner and editors change it). */
  shared: boolean("shared").notNull().default(false),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
  /** The last time the watch job compared its lines' duty (null: not yet; the first check sets the baseline). */
  checkedAt: instant("checked_at"),
});

export const watchlistItems = pgTable(
  "watchlist_items",
  {
    watchlistId: integer("watchlist_id")
      .notNull()
      .references(() => watchlists.id, { onDelete: "cascade" }),
    hts10: text("hts10")
      .notNull()
      .references(() => products.hts10),
    label: text("label").notNull().default(""),
    position: integer("position").notNull(),
    /** What the line paid at the last check (additional duty, and the programmes that made it up, "|"-joined). */
    dutyPct: numeric("duty_pct", { precision: 7, scale: 3, mode: "number" }),
    programmes: text("programmes"),
    /** The programme lists naming the line at the last check ("|"-joined list keys): a coverage change is news too. */
    lists: text("lists"),
  },
  (t) => [primaryKey({ columns: [t.watchlistId, t.hts10] })],
);

/** Sectors of the deadlines a watchlist follows (its lines' programmes, and all goods): kept with its items. */
export const watchlistSectors = pgTable(
  "watchlist_sectors",
  {
    watchlistId: integer("watchlist_id")
      .notNull()
      .references(() => watchlists.id, { onDelete: "cascade" }),
    sector: text("sector").notNull(),
  },
  (t) => [primaryKey({ columns: [t.watchlistId, t.sector] }), index("watchlist_sectors_sector_idx").on(t.sector)],
);

/** A watched line's duty changed: found by the watch job at `foundAt`; alerts point at it (told once). */
export const watchlistChanges = pgTable(
  "watchlist_changes",
  {
    id: serial("id").primaryKey(),
    watchlistId: integer("watchlist_id")
      .notNull()
      .references(() => watchlists.id, { onDelete: "cascade" }),
    hts10: text("hts10").notNull(),
    fromPct: numeric("from_pct", { precision: 7, scale: 3, mode: "number" }),
    toPct: numeric("to_pct", { precision: 7, scale: 3, mode: "number" }),
    fromProgrammes: text("from_programmes"),
    toProgrammes: text("to_programmes"),
    /** List keys the line joined (+) and left (−) with this change, e.g. "+s122-exempt −ieepa-annex-ii". */
    listChanges: text("list_changes"),
    foundAt: instant("found_at").notNull(),
  },
  (t) => [index("watchlist_changes_list_idx").on(t.watchlistId, t.foundAt)],
);
