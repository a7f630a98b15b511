// Reading an RSS 2.0, RSS 1.0 (RDF) or Atom document into one shape (pure: bytes or text in, items out). Entities:
// the five XML ones and character references are decoded; DOCTYPE-declared entities are bounded by the parser's
// limits (a "billion laughs" document is left unexpanded, never blown up in memory).
import { createHash } from "node:crypto";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export type FeedItem = {
  /** The item's guid / id / rdf:about, else its link, else a hash of title and date. */
  guid: string;
  /** Absolute http(s) URL of the item's page, resolved against the feed's URL; null when it has none usable. */
  link: string | null;
  title: string;
  /** Plain text (tags stripped, entities decoded). */
  summary: string | null;
  /** The item's full HTML when the feed carries it (content:encoded, Atom content). */
  contentHtml: string | null;
  publishedAt: Date | null;
  /** The publication's calendar date (YYYY-MM-DD) as written, in the item's own offset. */
  publishedOn: string | null;
};

export type ParsedFeed = { format: "rss" | "rdf" | "atom"; title: string; items: FeedItem[] };

/** The document is not a feed, or not well-formed XML: the message says which, for the feed's status. */
export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedParseError";
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // content:encoded → encoded, dc:date → date, rdf:RDF → RDF; an atom:link inside RSS joins the links (handled).
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: { enabled: true, maxEntityCount: 20, maxEntitySize: 1000, maxTotalExpansions: 500, maxExpandedLength: 50_000 },
  htmlEntities: false,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

// ---------------------------------------------------------------------------------------------------------------
// Decoding bytes: BOM, then the encoding the HTTP header names, then the XML declaration's, else UTF-8.

export function decodeFeed(bytes: Uint8Array, headerCharset?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  for (const label of [headerCharset, declared]) {
    if (!label) continue;
    try {
      return new TextDecoder(label.toLowerCase()).decode(bytes);
    } catch {
      // An unknown label: try the next source, then UTF-8.
    }
  }
  return new TextDecoder("utf-8").decode(bytes);
}

// ---------------------------------------------------------------------------------------------------------------

/** The name of the document's root element (after the XML declaration, comments, PIs and the DOCTYPE), or null. */
export function rootElement(xml: string): string | null {
  let rest = xml.replace(/^\uFEFF/, "");
  for (;;) {
    const before = rest;
    rest = rest
      .replace(/^\s+/, "")
      .replace(/^<\?[\s\S]*?\?>/, "")
      .replace(/^<!--[\s\S]*?-->/, "")
      .replace(/^<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, "");
    if (rest === before) break;
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1] ?? null;
}

type Node = unknown;

function textOf(node: Node): string {
  if (node == null) return "";
  if (typeof node === "string") return node;
  if (typeof node === "number" || typeof node === "boolean") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(" ");
  if (typeof node === "object") {
    const obj = node as Record<string, Node>;
    if ("#text" in obj) return textOf(obj["#text"]);
    // XHTML content (Atom type="xhtml") or nested markup: its text, in document order.
    return Object.entries(obj)
      .filter(([k]) => !k.startsWith("@_"))
      .map(([, v]) => textOf(v))
      .filter(Boolean)
      .join(" ");
  }
  return "";
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", hellip: "…", mdash: "—", ndash: "–",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", middot: "·", copy: "©", reg: "®", trade: "™", euro: "€", won: "₩",
};

/** HTML entities in text taken out of HTML (the XML parser decoded one level; the HTML inside has its own). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Plain text from an HTML fragment: scripts/styles dropped, tags removed, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return decodeHtmlEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<[^>]*>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

function resolveLink(raw: string, base: string | undefined): string | null {
  const value = raw.trim();
  if (!value) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The item's page among its <link> elements: RSS text links first, then Atom rel="alternate" (or no rel). */
function pickLink(links: Node, base: string | undefined): string | null {
  const list = Array.isArray(links) ? links : links == null ? [] : [links];
  const candidates: string[] = [];
  for (const l of list) if (typeof l === "string" || (l && typeof l === "object" && "#text" in l)) candidates.push(textOf(l));
  for (const l of list) {
    if (!l || typeof l !== "object") continue;
    const o = l as Record<string, Node>;
    const rel = typeof o["@_rel"] === "string" ? o["@_rel"] : "alternate";
    if (typeof o["@_href"] === "string" && rel === "alternate") candidates.push(o["@_href"]);
  }
  for (const c of candidates) {
    const url = resolveLink(c, base);
    if (url) return url;
  }
  return null;
}

// Dates: RFC 822 / 1123 (RSS) and ISO 8601 / RFC 3339 (Atom, dc:date).
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, KST: 540, JST: 540,
};

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMinutes: number) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(local);
  if (check.getUTCDate() !== d) return null; // 31 February
  return { at: new Date(local - offsetMinutes * 60_000), on: `${pad(y, 4)}-${pad(mo)}-${pad(d)}` };
}

/** An RSS or Atom date as an instant and the calendar date written; null when it is not one. */
export function parseFeedDate(raw: string | null | undefined): { at: Date; on: string } | null {
  const value = (raw ?? "").trim();
  if (!value) return null;
  const rfc = /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,4})?$/.exec(value);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
    if (month === 0) return null;
    let year = Number(rfc[3]);
    if (rfc[3]!.length === 2) year += year < 50 ? 2000 : 1900;
    let offset = 0;
    const zone = rfc[7];
    if (zone && /^[+-]/.test(zone)) {
      const digits = zone.replace(":", "");
      offset = (zone[0] === "-" ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    } else if (zone) {
      const known = ZONES[zone.toUpperCase()];
      if (known === undefined) return null;
      offset = known;
    }
    return build(year, month, Number(rfc[1]), Number(rfc[4] ?? 0), Number(rfc[5] ?? 0), Number(rfc[6] ?? 0), offset);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(value);
  if (iso) {
    let offset = 0;
    const zone = iso[7];
    if (zone && zone.toUpperCase() !== "Z") {
      const digits = zone.replace(":", "");
      offset = (zone[0] === "-" ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
    return build(Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0), offset);
  }
  return null;
}

const MAX_TITLE = 500;

function item(raw: Record<string, Node>, format: ParsedFeed["format"], base: string | undefined): FeedItem {
  const title = htmlToText(textOf(raw.title)).slice(0, MAX_TITLE);
  const link = pickLink(raw.link, base);
  const date =
    format === "atom"
      ? parseFeedDate(textOf(raw.published)) ?? parseFeedDate(textOf(raw.updated))
      : parseFeedDate(textOf(raw.pubDate)) ?? parseFeedDate(textOf(raw.date));
  const summaryRaw = format === "atom" ? textOf(raw.summary) : textOf(raw.description);
  const contentNode = format === "atom" ? raw.content : raw.encoded;
  const contentRaw = typeof contentNode === "object" && contentNode && !("#text" in contentNode) ? escapeHtml(textOf(contentNode)) : textOf(contentNode);
  const summary = htmlToText(summaryRaw) || null;
  const explicitId = format === "atom" ? textOf(raw.id) : format === "rdf" ? textOf(raw["@_about"]) || textOf(raw.guid) : textOf(raw.guid);
  const guid =
    explicitId.trim() ||
    link ||
    `sha256:${createHash("sha256").update(`${title}\n${date?.at.toISOString() ?? textOf(raw.pubDate) ?? ""}\n${summary ?? ""}`).digest("hex")}`;
  return {
    guid: guid.slice(0, 2000),
    link,
    title,
    summary,
    contentHtml: contentRaw.trim() || null,
    publishedAt: date?.at ?? null,
    publishedOn: date?.on ?? null,
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const asArray = (node: Node): Record<string, Node>[] =>
  (Array.isArray(node) ? node : node == null ? [] : [node]).filter((n): n is Record<string, Node> => !!n && typeof n === "object");

/**
 * Parses a feed document. `feedUrl` resolves relative item links. Throws FeedParseError for a document that is not
 * well-formed XML or whose root is none of <rss>, <rdf:RDF>, <feed>.
 */
export function parseFeed(xml: string, feedUrl?: string): ParsedFeed {
  const root = rootElement(xml);
  if (!root) throw new FeedParseError(xml.trim() ? "not an RSS or Atom feed: no XML root element" : "not an RSS or Atom feed: the document is empty");
  const local = root.replace(/^.*:/, "");
  const format = local === "rss" ? "rss" : local === "RDF" ? "rdf" : local === "feed" ? "atom" : null;
  if (!format) throw new FeedParseError(`not an RSS or Atom feed: root element <${root}>`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new FeedParseError(`malformed feed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  let doc: Record<string, Node>;
  try {
    doc = parser.parse(xml) as Record<string, Node>;
  } catch (error) {
    throw new FeedParseError(`malformed feed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const top = doc[local] as Record<string, Node> | undefined;
  if (!top || typeof top !== "object") throw new FeedParseError(`not an RSS or Atom feed: <${root}> is empty`);
  if (format === "atom") {
    return { format, title: htmlToText(textOf(top.title)), items: asArray(top.entry).map((e) => item(e, format, feedUrl)) };
  }
  const channel = asArray(top.channel)[0];
  if (format === "rss" && !channel) throw new FeedParseError("not an RSS feed: <rss> has no <channel>");
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const items = format === "rss" ? asArray(channel!.item) : asArray(top.item);
  return { format, title: htmlToText(textOf(channel?.title)), items: items.map((i) => item(i, format, feedUrl)) };
}
