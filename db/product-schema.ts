// Products: every US HTS-10 line, and the lists that put lines under a tariff programme (Section 232 product lists
// and heading prefixes, the exemption lists of the reciprocal tariff, the Section 122 surcharge and Korea's 15%
// floor) as versioned coverage. A list entry names a prefix (2–10 digits) and matches every line that starts with
// it; it holds from `effective_from` until `effective_to` (open when null), so an as-of view shows a list as it
// stood then. Loaded from db/seed/hts (The Budget Lab at Yale, tariff-rate-tracker; see its README) by
// db/seed/products.ts.
import { sql } from "drizzle-orm";
import { customType, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const products = pgTable(
  "products",
  {
    /** Ten digits, no dots. */
    hts10: text("hts10").primaryKey(),
    hs6: text("hs6").notNull(),
    /** The HTS text, parent levels joined with " : " (English only). */
    description: text("description").notNull(),
    /** GTAP sector group of the crosswalk (an economic sector, not a tariff programme). */
    gtap: text("gtap"),
    /** The description's words, stored so a search ranks matches without re-reading every description. */
    words: tsvector("words").generatedAlwaysAs(sql`to_tsvector('english', description)`),
  },
  (t) => [
    // Prefix search by code (`like '870829%'`) on any collation.
    index("products_hts10_prefix_idx").on(t.hts10.op("text_pattern_ops")),
    index("products_words_idx").using("gin", t.words),
  ],
);

/** One list as published: what it is part of, by which instrument, and where it comes from. */
export const coverageLists = pgTable("coverage_lists", {
  listKey: text("list_key").primaryKey(),
  /** The programme the list belongs to (PROGRAMMES in server/products/programmes.ts). */
  programme: text("programme").notNull(),
  /** Whether the list brings lines under the programme ("covers") or takes them out ("exempts"). */
  effect: text("effect").notNull(),
  title: text("title").notNull(),
  instrument: text("instrument").notNull(),
  /** The chapter-99 heading entries are entered under, unless an entry names its own. */
  ch99: text("ch99"),
  /** Keys of rows in `sources`. */
  sourceKeys: jsonb("source_keys").$type<string[]>().notNull(),
  /** The data file it was loaded from (db/seed/hts/…). */
  file: text("file").notNull(),
  note: text("note"),
  position: integer("position").notNull().default(0),
});

export const coverageEntries = pgTable(
  "coverage_entries",
  {
    id: serial("id").primaryKey(),
    listKey: text("list_key")
      .notNull()
      .references(() => coverageLists.listKey, { onDelete: "cascade" }),
    /** 2–10 digits: the entry covers every HTS-10 line that starts with it. */
    prefix: text("prefix").notNull(),
    ch99: text("ch99"),
    /** What the list says about the entry besides its prefix (annex, metal, category, …). */
    attrs: jsonb("attrs").$type<Record<string, string>>(),
    effectiveFrom: instant("effective_from").notNull(),
    effectiveZone: text("effective_zone").notNull(),
    effectiveTo: instant("effective_to"),
    /** The instrument that put the entry on the list, when it is not the list's own. */
    instrument: text("instrument"),
  },
  (t) => [
    uniqueIndex("coverage_entries_version").on(t.listKey, t.prefix, t.effectiveFrom),
    index("coverage_entries_prefix_idx").on(t.prefix),
  ],
);
