// HTML → the article's readable text (Mozilla Readability, the Firefox Reader View engine, on a linkedom document)
// with its metadata: title, publisher (og:site_name), publication date (article:published_time, <time datetime>,
// JSON-LD datePublished), language, byline. Paragraphs stay apart as blank lines; scripts, styles, navigation and
// the like never reach the text. Markdown is reduced to plain text by a small stripper.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { BadInputError } from "@/server/core/errors";

export type ReadableArticle = {
  title: string;
  text: string;
  publisher?: string | null;
  publishedOn?: string | null;
  language?: string | null;
  byline?: string | null;
};

// linkedom's types are its own; Readability wants a DOM Document. Both are used structurally here.
type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };
type DomElement = DomNode & {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
};
type DomDocument = DomElement & { documentElement: DomElement; body: DomElement | null; title: string };

const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2",
  "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "OL", "P", "PRE", "SECTION", "TABLE", "TR", "UL",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "CANVAS", "OBJECT", "EMBED", "HEAD", "BUTTON", "SELECT", "FORM"]);
const CHROME = "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button, [role=navigation], [aria-hidden=true]";

function parse(html: string): DomDocument {
  // A fragment without <html> gets no body in linkedom: wrap it.
  const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(source).document as unknown as DomDocument;
}

/** Text of a DOM subtree with blocks separated by blank lines and <br> as line breaks. */
export function blockText(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? "").replace(/\s+/g, " "));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === "BR") {
      out.push("\n");
      return;
    }
    const block = BLOCKS.has(name);
    if (block) out.push("\n\n");
    if (name === "TD" || name === "TH") out.push(" ");
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) out.push("\n\n");
  };
  walk(root);
  return out
    .join("")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ?? doc.querySelector(`meta[name="${key}"]`) ?? doc.querySelector(`meta[itemprop="${key}"]`);
    const value = el?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return null;
}

/** YYYY-MM-DD as written by the publisher (its own offset), from an ISO-like date or date-time; else null. */
export function dateOnly(raw: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw ?? "") ?? /^\s*(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(raw ?? "");
  if (!m) return null;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || Number(y) < 1990 || Number(y) > 2100) return null;
  return `${y}-${mo}-${d}`;
}

function jsonLdValues(doc: DomDocument, key: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const obj = value as Record<string, unknown>;
    if (typeof obj[key] === "string") found.push(obj[key] as string);
    else if (obj[key] && typeof obj[key] === "object") found.push(...nameOf(obj[key]));
    for (const v of Object.values(obj)) if (typeof v === "object") visit(v, depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // broken JSON-LD is common; ignore it
    }
  }
  return found;
}

function nameOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(nameOf);
  const name = (value as { name?: unknown })?.name;
  return typeof name === "string" ? [name] : [];
}

function metadata(doc: DomDocument) {
  const published =
    dateOnly(meta(doc, "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "DC.date.issued")) ??
    dateOnly(jsonLdValues(doc, "datePublished")[0]) ??
    dateOnly(doc.querySelector("time[datetime]")?.getAttribute("datetime"));
  const publisher = meta(doc, "og:site_name", "application-name") ?? jsonLdValues(doc, "publisher")[0] ?? null;
  const h1 = doc.querySelector("h1");
  const title = meta(doc, "og:title", "twitter:title") ?? ((h1 && blockText(h1)) || null);
  const lang = doc.documentElement?.getAttribute("lang")?.trim().toLowerCase().slice(0, 2) || meta(doc, "og:locale")?.slice(0, 2).toLowerCase() || null;
  return { published, publisher, title, lang };
}

const MIN_LETTERS = 20;
const NO_TEXT = "No readable text found in the page; paste the article's text instead.";

/**
 * The readable article in an HTML page. Throws BadInputError(field) when nothing readable is there. `url` is the
 * page's address (relative links; Readability wants a document URI).
 */
export function readableFromHtml(html: string, options: { url?: string | null; field?: string } = {}): ReadableArticle {
  const field = options.field ?? "file";
  let meta: ReturnType<typeof metadata>;
  let fallbackTitle = "";
  try {
    const doc = parse(html);
    meta = metadata(doc);
    fallbackTitle = doc.title?.trim() ?? "";
  } catch {
    throw new BadInputError(field, NO_TEXT);
  }
  let title = "";
  let text = "";
  let byline: string | null = null;
  let language: string | null = meta.lang;
  let publisher = meta.publisher;
  let published = meta.published;
  try {
    const doc = parse(html) as DomDocument & { documentURI?: string; baseURI?: string };
    if (options.url) {
      // Readability resolves relative links against the document's URI; linkedom leaves it unset.
      for (const key of ["documentURI", "baseURI"] as const) {
        try {
          Object.defineProperty(doc, key, { value: options.url, configurable: true });
        } catch {
          // read-only in some DOMs; links then stay relative
        }
      }
    }
    const result = new Readability(doc as never, { charThreshold: 200 }).parse();
    if (result?.content) {
      text = blockText(parse(result.content));
      title = result.title?.trim() ?? "";
      byline = result.byline?.trim() || null;
      language = language ?? (result.lang?.slice(0, 2).toLowerCase() || null);
      publisher = publisher ?? (result.siteName?.trim() || null);
      published = published ?? dateOnly(result.publishedTime);
    }
  } catch {
    // Readability gave up on this markup: fall back to the page's text without its chrome.
  }
  if (text.replace(/\s/g, "").length < 80) {
    try {
      const doc = parse(html);
      for (const el of Array.from(doc.querySelectorAll(CHROME))) el.remove();
      const main = doc.querySelector("article") ?? doc.querySelector("main") ?? doc.body ?? doc;
      const plain = blockText(main);
      if (plain.length > text.length) text = plain;
    } catch {
      // nothing better
    }
  }
  if (byline && text.startsWith(byline)) text = text.slice(byline.length).trim();
  // Fewer letters than a short sentence (a lone menu word, stray markup) is not an article.
  if ((text.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) throw new BadInputError(field, NO_TEXT);
  return {
    title: (meta.title ?? title ?? fallbackTitle) || fallbackTitle || firstLine(text),
    text,
    publisher: publisher ?? null,
    publishedOn: published ?? null,
    language,
    byline,
  };
}

function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim()) ?? "";
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

/** Markdown → plain text: headings, emphasis, links, images, code fences, lists, quotes and HTML tags stripped. */
export function textFromMarkdown(markdown: string): { title: string | null; text: string } {
  let title: string | null = null;
  let body = markdown.replace(/\r\n?/g, "\n");
  // YAML front matter: keep its title, drop the rest.
  const front = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (front) {
    title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1]!)?.[1] ?? null;
    body = body.slice(front[0].length);
  }
  body = body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/^```[^\n]*\n([\s\S]*?)^```\s*$/gm, "$1")
    .replace(/^(={3,}|-{3,}|\*{3,}|_{3,})\s*$/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, "")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/^(\s{0,3})#{1,6}\s+(.*?)\s*#*\s*$/gm, (_m, _s, h: string) => {
      title = title ?? h.trim();
      return `${h}\n`;
    })
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/^(\s*)[-*+]\s+\[[ xX]\]\s+/gm, "$1")
    .replace(/^(\s*)[-*+]\s+/gm, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*/g, "$1$2")
    .replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_/g, "$1$2")
    .replace(/~~(.*?)~~/g, "$1")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/^\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/gm, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
  const text = body
    .split("\n")
    .map((l) => l.replace(/\s+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { title, text };
}
