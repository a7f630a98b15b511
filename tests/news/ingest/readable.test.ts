// readableFromHtml: a realistic news page (navigation, ads, scripts, related links, footer) gives only the article's
// text, paragraphs apart, with its metadata; malformed HTML gives text or a clear error; a Korean page in EUC-KR.
// textFromMarkdown strips markup.
import { describe, expect, it } from "vitest";
import { decodeText } from "@/server/news/ingest/decode";
import { dateOnly, readableFromHtml, textFromMarkdown } from "@/server/news/ingest/readable";
import { BadInputError } from "@/server/core/errors";

const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>Washington sets car tariff date | The Harbour Ledger</title>
  <meta property="og:site_name" content="The Harbour Ledger">
  <meta property="og:title" content="Washington sets car tariff date">
  <meta property="article:published_time" content="2025-07-29T08:15:00+09:00">
  <link rel="stylesheet" href="/site.css">
  <style>.promo { color: red } body { font-family: serif }</style>
  <script>window.dataLayer = [{ page: "article", secret: "TRACKER-123" }];</script>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Washington sets car tariff date","datePublished":"2025-07-28T23:15:00Z","publisher":{"@type":"Organization","name":"Harbour Ledger Media"}}</script>
</head>
<body>
  <header class="site-header"><a href="/">The Harbour Ledger</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/markets">Markets</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>
  <div class="ad-slot promo">ADVERTISEMENT: Subscribe now for 99 cents a week</div>
  <main>
    <article>
      <h1>Washington sets car tariff date</h1>
      <p class="byline">By Mina Cho</p>
      <time datetime="2025-07-29">29 July 2025</time>
      <p>The United States will impose a 25% tariff on Korean cars from August 1, 2025, trade officials in Washington said on Tuesday, ending weeks of uncertainty for exporters.</p>
      <p>The levy applies to passenger vehicles and light trucks. Officials added that parts would be reviewed separately later in the year, and that talks with Seoul would continue.</p>
      <script>document.write("<p>injected by script</p>")</script>
      <p>In Seoul, the trade ministry said it would prepare a <strong>support package</strong> for carmakers and their suppliers before the deadline.</p>
      <div class="related"><h3>Related</h3><ul><li><a href="/a">Chip exports slow</a></li><li><a href="/b">Won weakens</a></li></ul></div>
    </article>
  </main>
  <aside class="sidebar"><h2>Most read</h2><ol><li>Ten things to do this weekend</li><li>Celebrity chef opens new restaurant</li></ol></aside>
  <footer><p>© 2025 The Harbour Ledger. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  <script src="/tracker.js"></script>
</body>
</html>`;

describe("readableFromHtml", () => {
  it("keeps only the article text, paragraphs apart, with its metadata", () => {
    const article = readableFromHtml(NEWS_PAGE, { url: "https://ledger.example/world/car-tariff" });
    expect(article.title).toBe("Washington sets car tariff date");
    expect(article.publisher).toBe("The Harbour Ledger");
    expect(article.publishedOn).toBe("2025-07-29");
    expect(article.language).toBe("en");
    expect(article.text).toContain("The United States will impose a 25% tariff on Korean cars from August 1, 2025");
    expect(article.text).toContain("prepare a support package for carmakers");
    const paragraphs = article.text.split("\n\n");
    expect(paragraphs.some((p) => p.startsWith("The levy applies to passenger vehicles"))).toBe(true);
    for (const junk of ["ADVERTISEMENT", "TRACKER-123", "dataLayer", "font-family", "Most read", "Celebrity chef", "All rights reserved", "Opinion", "injected by script", "Privacy"]) {
      expect(article.text, junk).not.toContain(junk);
    }
  });

  it("reads the date from JSON-LD or <time> when there is no meta tag", () => {
    const jsonLd = NEWS_PAGE.replace(/<meta property="article:published_time"[^>]*>/, "");
    expect(readableFromHtml(jsonLd).publishedOn).toBe("2025-07-28");
    const timeOnly = jsonLd.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, "");
    expect(readableFromHtml(timeOnly).publishedOn).toBe("2025-07-29");
    expect(readableFromHtml(timeOnly).publisher).toBe("The Harbour Ledger");
  });

  it("reads malformed HTML without throwing", () => {
    const broken = `<html><body><div><p>Korea's exports of semiconductors rose 12% in June <b>despite the new <i>tariff</b> threats</i>, the customs office said.<p>Shipments to the United States fell for the second month<div><table><tr><td>unclosed cell</table>
      <p>Analysts said the rebound in memory prices offset weaker demand elsewhere, and that the outlook for the second half remained uncertain because of the tariff talks`;
    const article = readableFromHtml(broken);
    expect(article.text).toContain("Korea's exports of semiconductors rose 12% in June despite the new tariff threats");
    expect(article.text).toContain("Shipments to the United States fell");
  });

  it.each([
    ["no text at all", "<html><head><title>x</title><script>var a = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>"],
    ["garbage", "<<<>>><!-- -- <? ?> </div></div></span>"],
    ["only scripts and styles", "<script>alert('x')</script><style>p{}</style>"],
  ])("refuses a page with %s: no readable text found", (_name, html) => {
    let error: unknown;
    try {
      readableFromHtml(html, { field: "url" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).message).toContain("No readable text found");
    expect((error as BadInputError).field).toBe("url");
  });

  it("reads a Korean page encoded in EUC-KR", () => {
    const html = `<html lang="ko"><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"><title>자동차 관세 25% 부과</title><meta property="og:site_name" content="한강일보"></head>
<body><nav>홈 | 경제 | 정치</nav><article><h1>자동차 관세 25% 부과</h1>
<p>미국 정부는 8월 1일부터 한국산 자동차에 25%의 관세를 부과한다고 밝혔다. 정부는 수출 기업을 위한 지원 대책을 마련하겠다고 말했다.</p>
<p>산업통상자원부는 이번 조치가 국내 자동차 업계에 큰 부담이 될 것이라며 협상을 계속하겠다고 설명했다. 업계는 부품 관세도 우려하고 있다.</p>
</article><footer>저작권 한강일보</footer></body></html>`;
    const encoded = encodeEucKr(html);
    const decoded = decodeText(encoded, { sniffMarkup: true });
    expect(decoded.charset).toBe("euc-kr");
    const article = readableFromHtml(decoded.text);
    expect(article.language).toBe("ko");
    expect(article.publisher).toBe("한강일보");
    expect(article.title).toBe("자동차 관세 25% 부과");
    expect(article.text).toContain("미국 정부는 8월 1일부터 한국산 자동차에 25%의 관세를 부과한다고 밝혔다.");
    expect(article.text).not.toContain("저작권");
  });
});

/** EUC-KR encoder built from the decoder (Node has no encoder for it): a table of every Hangul syllable used. */
function encodeEucKr(text: string): Uint8Array {
  const decoder = new TextDecoder("euc-kr");
  const table = new Map<string, [number, number]>();
  for (let lead = 0xb0; lead <= 0xc8; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no EUC-KR code for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

describe("dateOnly", () => {
  it.each([
    ["2025-07-29T08:15:00+09:00", "2025-07-29"],
    ["2025-07-29", "2025-07-29"],
    ["20250729", "2025-07-29"],
    ["2025-02-30", null],
    ["July 29", null],
    [null, null],
  ])("%s → %s", (raw, expected) => expect(dateOnly(raw)).toBe(expected));
});

describe("textFromMarkdown", () => {
  it("strips markup and keeps paragraphs", () => {
    const md = `---
title: "Budget passes"
---
# Budget passes

The National Assembly approved a **2 trillion won** _supplementary_ budget on [Friday](https://example.org/fri).

- Support for *exporters*
- \`Tax\` relief

> Officials called it "timely".

<script>alert(1)</script>
![chart](chart.png)`;
    const { title, text } = textFromMarkdown(md);
    expect(title).toBe("Budget passes");
    expect(text).toContain("The National Assembly approved a 2 trillion won supplementary budget on Friday.");
    expect(text).toContain("Support for exporters\nTax relief");
    expect(text).toContain('Officials called it "timely".');
    expect(text).not.toMatch(/[#*`>]|alert|https:/);
    expect(text.split("\n\n").length).toBeGreaterThanOrEqual(4);
  });
});
