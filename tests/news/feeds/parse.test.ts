// parseFeed (server/news/feeds/parse.ts) as a table of small feeds written for the test: RSS 2.0 with CDATA and
// content:encoded, RSS 1.0/RDF, Atom (links by rel, xhtml content), Korean titles, missing fields, relative and
// non-http links, dates in RFC 822 and ISO 8601, and documents that are not feeds.
import { describe, expect, it } from "vitest";
import { decodeFeed, FeedParseError, htmlToText, parseFeed, parseFeedDate, rootElement } from "@/server/news/feeds/parse";

const FEED_URL = "https://news.example.org/feeds/trade.xml";

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Harbour Ledger &amp; Trade</title>
    <link>https://news.example.org/</link>
    <atom:link href="https://news.example.org/feeds/trade.xml" rel="self" type="application/rss+xml"/>
    <item>
      <title><![CDATA[Steel duties climb to 25% <em>again</em>]]></title>
      <link>https://news.example.org/2026/11/steel-duties</link>
      <guid isPermaLink="false">ledger-4411</guid>
      <description><![CDATA[<p>Importers of <b>cold-rolled</b> coil face a higher tariff &amp; new paperwork.</p>]]></description>
      <content:encoded><![CDATA[<p>Full story: the duty rises on <strong>Monday</strong>.</p>]]></content:encoded>
      <pubDate>Mon, 23 Nov 2026 08:30:00 +0900</pubDate>
    </item>
    <item>
      <title>서울 증시, 관세 우려에 하락</title>
      <link>/2026/11/kospi-falls</link>
      <description>코스피가 관세율 인상 소식에 1.2% 내렸다.</description>
      <dc:date>2026-11-22T15:40:00+09:00</dc:date>
    </item>
    <item>
      <description>An item with neither title, link, guid nor date.</description>
    </item>
    <item>
      <title>Mailto link only</title>
      <link>mailto:desk@example.org</link>
      <pubDate>Sun, 22 Nov 26 23:00 EST</pubDate>
    </item>
  </channel>
</rss>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wire.example.net/">
    <title>Wire 1.0</title>
    <link>https://wire.example.net/</link>
  </channel>
  <item rdf:about="https://wire.example.net/a/77">
    <title>Shipyard pledge reaches $150 billion</title>
    <link>https://wire.example.net/a/77</link>
    <description>Negotiators confirmed the figure late on Friday.</description>
    <dc:date>2026-11-20</dc:date>
  </item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Atom Desk</title>
  <id>urn:uuid:desk</id>
  <entry>
    <title type="html">Auto levy &lt;b&gt;cut&lt;/b&gt; to 15%</title>
    <link rel="replies" href="https://atom.example.com/e/1/comments"/>
    <link rel="alternate" type="text/html" href="e/1"/>
    <id>tag:atom.example.com,2026:1</id>
    <published>2026-11-21T09:00:00Z</published>
    <updated>2026-11-21T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;The auto &lt;i&gt;levy&lt;/i&gt; falls.&lt;/p&gt;</summary>
    <content type="html">&lt;p&gt;Longer body.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>XHTML body</title>
    <link href="https://atom.example.com/e/2"/>
    <id>tag:atom.example.com,2026:2</id>
    <updated>2026-11-19T01:02:03.456+09:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Chips exempt from the tariff.</p></div></content>
  </entry>
</feed>`;

describe("parseFeed: RSS 2.0", () => {
  const feed = parseFeed(RSS2, FEED_URL);
  it("reads the channel title with entities decoded", () => {
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("Harbour Ledger & Trade");
    expect(feed.items).toHaveLength(4);
  });
  it("CDATA title and description: tags stripped; content:encoded kept as HTML; guid; RFC 822 date with offset", () => {
    const [first] = feed.items;
    expect(first).toMatchObject({
      guid: "ledger-4411",
      link: "https://news.example.org/2026/11/steel-duties",
      title: "Steel duties climb to 25% again",
      summary: "Importers of cold-rolled coil face a higher tariff & new paperwork.",
      contentHtml: "<p>Full story: the duty rises on <strong>Monday</strong>.</p>",
      publishedOn: "2026-11-23",
    });
    expect(first!.publishedAt?.toISOString()).toBe("2026-11-22T23:30:00.000Z");
  });
  it("Korean title, relative link resolved against the feed URL, guid falls back to the link, dc:date", () => {
    const item = feed.items[1]!;
    expect(item.title).toBe("서울 증시, 관세 우려에 하락");
    expect(item.link).toBe("https://news.example.org/2026/11/kospi-falls");
    expect(item.guid).toBe(item.link);
    expect(item.publishedAt?.toISOString()).toBe("2026-11-22T06:40:00.000Z");
    expect(item.publishedOn).toBe("2026-11-22");
    expect(item.contentHtml).toBeNull();
  });
  it("missing fields: empty title, no link, hashed guid, no date", () => {
    const item = feed.items[2]!;
    expect(item).toMatchObject({ title: "", link: null, publishedAt: null, publishedOn: null });
    expect(item.guid).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(item.summary).toBe("An item with neither title, link, guid nor date.");
  });
  it("a non-http link is dropped; two-digit year and a US zone name", () => {
    const item = feed.items[3]!;
    expect(item.link).toBeNull();
    expect(item.publishedAt?.toISOString()).toBe("2026-11-23T04:00:00.000Z");
  });
  it("the same document gives the same hashed guid (stable across polls)", () => {
    expect(parseFeed(RSS2, FEED_URL).items[2]!.guid).toBe(feed.items[2]!.guid);
  });
});

describe("parseFeed: RSS 1.0 (RDF) and Atom", () => {
  it("RDF items beside the channel, rdf:about as guid, date-only dc:date", () => {
    const feed = parseFeed(RDF, "https://wire.example.net/rss");
    expect(feed).toMatchObject({ format: "rdf", title: "Wire 1.0" });
    expect(feed.items).toEqual([
      {
        guid: "https://wire.example.net/a/77",
        link: "https://wire.example.net/a/77",
        title: "Shipyard pledge reaches $150 billion",
        summary: "Negotiators confirmed the figure late on Friday.",
        contentHtml: null,
        publishedAt: new Date("2026-11-20T00:00:00Z"),
        publishedOn: "2026-11-20",
      },
    ]);
  });
  it("Atom: html title/summary unescaped and stripped, rel=alternate link resolved, published before updated", () => {
    const feed = parseFeed(ATOM, "https://atom.example.com/feed.atom");
    expect(feed).toMatchObject({ format: "atom", title: "Atom Desk" });
    expect(feed.items[0]).toEqual({
      guid: "tag:atom.example.com,2026:1",
      link: "https://atom.example.com/e/1",
      title: "Auto levy cut to 15%",
      summary: "The auto levy falls.",
      contentHtml: "<p>Longer body.</p>",
      publishedAt: new Date("2026-11-21T09:00:00Z"),
      publishedOn: "2026-11-21",
    });
  });
  it("Atom: a link without rel, xhtml content as text, updated with fractions and offset", () => {
    const item = parseFeed(ATOM, "https://atom.example.com/feed.atom").items[1]!;
    expect(item.link).toBe("https://atom.example.com/e/2");
    expect(item.contentHtml).toContain("Chips exempt from the tariff.");
    expect(item.publishedAt?.toISOString()).toBe("2026-11-18T16:02:03.000Z");
    expect(item.publishedOn).toBe("2026-11-19");
  });
  it("an empty channel has no items", () => {
    expect(parseFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>').items).toEqual([]);
    expect(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>').items).toEqual([]);
  });
});

describe("parseFeed: documents that are not feeds", () => {
  const cases: { name: string; doc: string; message: RegExp }[] = [
    {
      name: "an HTML page",
      doc: "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>Home</title></head><body><p>Hello</body></html>",
      message: /^not an RSS or Atom feed: root element <html>$/,
    },
    { name: "an XHTML page", doc: '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', message: /root element <html>/ },
    { name: "JSON", doc: '{"items": []}', message: /^not an RSS or Atom feed: no XML root element$/ },
    { name: "an empty body", doc: "  \n", message: /the document is empty/ },
    { name: "an unclosed channel", doc: '<rss version="2.0"><channel><title>x</title></rss>', message: /^malformed feed XML: .*channel.*\(line 1, column \d+\)$/ },
    { name: "a stray ampersand", doc: "<rss><channel><title>Fish & chips</title></channel></rss>", message: /^malformed feed XML/ },
    { name: "an RSS root without a channel", doc: '<rss version="2.0"></rss>', message: /no <channel>/ },
  ];
  it.each(cases)("$name → a clear error", ({ doc, message }) => {
    expect(() => parseFeed(doc)).toThrow(FeedParseError);
    expect(() => parseFeed(doc)).toThrow(message);
  });

  it("a billion-laughs DOCTYPE is not expanded (bounded time and size)", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]><rss><channel><title>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</title><item><title>&e;&e;</title></item></channel></rss>`;
    const started = Date.now();
    let title = "";
    try {
      title = parseFeed(lol).items[0]?.title ?? "";
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
    }
    expect(Date.now() - started).toBeLessThan(1000);
    expect(title.length).toBeLessThan(1000);
  });
});

describe("helpers", () => {
  it.each([
    ["Tue, 10 Jun 2025 04:00:00 GMT", "2025-06-10T04:00:00.000Z", "2025-06-10"],
    ["10 Jun 2025 13:00 KST", "2025-06-10T04:00:00.000Z", "2025-06-10"],
    ["Wed, 09 Jul 2025 23:15:00 -0400", "2025-07-10T03:15:00.000Z", "2025-07-09"],
    ["2025-07-09T23:15:00-04:00", "2025-07-10T03:15:00.000Z", "2025-07-09"],
    ["2025-07-09T23:15:00Z", "2025-07-09T23:15:00.000Z", "2025-07-09"],
    ["2025-07-09 08:00", "2025-07-09T08:00:00.000Z", "2025-07-09"],
  ])("parseFeedDate(%s)", (raw, at, on) => {
    expect(parseFeedDate(raw)).toEqual({ at: new Date(at), on });
  });
  it.each(["", "yesterday", "31 Feb 2026 10:00 GMT", "2026-13-01", "Mon, 01 Foo 2026 10:00 GMT", "1 Jan 2026 10:00 XYZ"])(
    "parseFeedDate(%j) → null",
    (raw) => expect(parseFeedDate(raw)).toBeNull(),
  );
  it("rootElement skips declaration, comments and the DOCTYPE", () => {
    expect(rootElement('\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE x [<!ENTITY a "b">]>\n<rdf:RDF/>')).toBe("rdf:RDF");
  });
  it("htmlToText drops scripts and decodes entities", () => {
    expect(htmlToText("<script>alert(1)</script><p>A&nbsp;&amp;&#160;B &#x2019;s &lt;tag&gt;</p>")).toBe("A & B ’s <tag>");
  });
  it("decodeFeed: the XML declaration's encoding (EUC-KR), the header's charset, a UTF-8 BOM", () => {
    const eucKr = Uint8Array.from([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="euc-kr"?><rss><channel><title>'),
      0xb0, 0xfc, 0xbc, 0xbc, // 관세 in EUC-KR
      ...new TextEncoder().encode("</title></channel></rss>"),
    ]);
    expect(parseFeed(decodeFeed(eucKr)).title).toBe("관세");
    const latin1 = Uint8Array.from([...new TextEncoder().encode("<rss><channel><title>Caf"), 0xe9, ...new TextEncoder().encode("</title></channel></rss>")]);
    expect(parseFeed(decodeFeed(latin1, "iso-8859-1")).title).toBe("Café");
    expect(decodeFeed(Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e]))).toBe("<a/>");
  });
});
