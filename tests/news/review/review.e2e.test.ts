// The review queue in real Chromium. An article with hand-built facts is stored on the app's data directory before
// the server starts (PGlite is single-process): a tariff contradicting the tracked 15% on Korean autos, a new
// deadline and a budget; and a second article whose proposals come from the extractor. The editor sees the conflict
// badge, accepts the deadline in one click and finds it on the overview with the article as its source, edits the
// budget, rejects it; sorts the queue least sure first and sees each field's confidence and words; axe on /review and
// /news/<id>.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import type { Fact } from "@/server/news/extract/types";
import { extractFacts } from "@/server/news/extract";
import { seededTracked } from "@/server/news/ingest/tracked";
import { storeProposals } from "@/server/news/review/propose";
import { formatViolations, runAxe } from "@/tests/helpers/app-server";
import { useE2E } from "@/tests/helpers/e2e";

const EDITOR = "review-editor@example.org";
const TEXT = [
  "Officials in Washington said the duty on Korean cars now stands at 25% after a new order.",
  "Negotiators set January 15, 2027 as the deadline for the chip tariff talks.",
  "Seoul earmarked 3 trillion won for shipyard modernisation support.",
].join("\n");

function evidence(n: number) {
  const lines = TEXT.split("\n");
  const start = lines.slice(0, n).reduce((acc, l) => acc + l.length + 1, 0);
  return { start, end: start + lines[n]!.length, text: lines[n]! };
}

/** The article offsets of words in line n. */
const at = (n: number, words: string): [number, number] => {
  const e = evidence(n);
  const i = e.text.indexOf(words);
  return [e.start + i, e.start + i + words.length];
};

const FACTS: Fact[] = [
  { kind: "tariff_rate", sector: "autos", ratePct: 25, country: "KR", status: "in_effect", effective: null, evidence: evidence(0), confidence: 0.8 },
  { kind: "deadline", date: "2027-01-15", what: "chip tariff talks deadline", evidence: evidence(1), confidence: 0.7 },
  // (its fields carry a confidence each, one under the threshold that flags a field for checking and one over it)
  {
    kind: "budget", amount: 3e12, currency: "KRW", purpose: "shipyard modernisation support", evidence: evidence(2), confidence: 0.9,
    basis: { amount: { cue: "amount", at: at(2, "3 trillion won"), confidence: 0.95 }, purpose: { cue: "words-after-cue", at: at(2, "shipyard modernisation support"), confidence: 0.55 } },
  },
];

// A second article whose proposals come from the extractor itself, with each field's confidence and words.
const EXTRACTED_TEXT = [
  "Seoul braces for new U.S. duties",
  "Published November 20, 2026",
  "Washington will impose a 25% tariff on Korean cars from Jan. 1, officials said on Friday.",
  "Steel and aluminum: 50%.",
].join("\n");

// A third, extracted with what the tracker knows (its measures and KOSPI closes, as ingest does): a rate named without a
// verb takes its measure's status, a close its trading day.
const LINKED_TEXT = ["Metal fabricators count the cost", "Published November 20, 2026", "Korean smelters weigh U.S. plant options under the 50% copper levy.", "The KOSPI had closed at 6,912.37 in late August."].join("\n");

let articleId: number;

/** The seeded database with the article and its proposals, on the data directory before the server starts. */
async function storeArticle(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    await database.migrate();
    await seedDatabase(database.db);
    const now = new Date();
    articleId = await database.db.transaction(async (tx) => {
      const [a] = await tx
        .insert(t.articles)
        .values({ origin: "paste", url: "https://news.example.org/review-e2e", contentHash: "review-e2e", title: "Car duty raised as chip talks loom", publisher: "Example News", publishedOn: "2026-11-20", language: "en", text: TEXT, factCount: FACTS.length, createdAt: now })
        .returning();
      await storeProposals(tx as unknown as Db, a!.id, FACTS, now);
      const [b] = await tx
        .insert(t.articles)
        .values({ origin: "paste", url: "https://news.example.org/review-e2e-2", contentHash: "review-e2e-2", title: "Seoul braces for new U.S. duties", publisher: "Example News", publishedOn: "2026-11-20", language: "en", text: EXTRACTED_TEXT, factCount: 0, createdAt: now })
        .returning();
      await storeProposals(tx as unknown as Db, b!.id, extractFacts(EXTRACTED_TEXT, { publishedOn: "2026-11-20" }), now);
      const [c] = await tx
        .insert(t.articles)
        .values({ origin: "paste", url: "https://news.example.org/review-e2e-3", contentHash: "review-e2e-3", title: "Metal fabricators count the cost", publisher: "Example News", publishedOn: "2026-11-20", language: "en", text: LINKED_TEXT, factCount: 0, createdAt: now })
        .returning();
      await storeProposals(tx as unknown as Db, c!.id, extractFacts(LINKED_TEXT, { publishedOn: "2026-11-20", ...seededTracked() }), now);
      return a!.id;
    });
  } finally {
    await database.close();
  }
}

const e2e = useE2E({ prefix: "review", users: { [EDITOR]: "editor" }, signIn: "once", beforeStart: storeArticle, timeout: 240_000 });

/** The hand-built article's section of the queue, and one of its cards. */
const handCards = (page: Page) => page.locator("section", { has: page.getByRole("heading", { name: "Car duty raised as chip talks loom" }) }).getByTestId("proposal");
const card = (page: Page, text: string) => handCards(page).filter({ hasText: text });

describe("review queue", () => {
  it("least sure first: cards in rising confidence, each field with its confidence and words, the uncertain ones flagged", async () => {
    await e2e.as(EDITOR, async (page) => {
      await page.goto(`${e2e.url}/review?order=confidence&kind=tariff_rate`);
      const cards = page.getByTestId("by-confidence").getByTestId("proposal");
      await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(3);
      const shown = (await cards.locator("span", { hasText: /^Confidence \d+%$/ }).allTextContents()).map((s) => Number(/\d+/.exec(s)![0]));
      expect(shown).toEqual([...shown].sort((a, b) => a - b));
      // an extracted card's fields are flagged exactly when their calibrated confidence is under 70% (the table is
      // measured on the blind set, so which ones are is the data's to say)
      const steel = cards.filter({ hasText: "Tariff 50% on steel" });
      await expect.poll(() => steel.getByTestId("field-basis").count()).toBe(1);
      const fields = await steel.getByTestId("field-basis").locator("[data-field]").all();
      expect(fields.length).toBeGreaterThanOrEqual(4);
      for (const f of fields) {
        const pct = Number(/·\s*(\d+)%/.exec((await f.textContent()) ?? "")?.[1]);
        if (pct !== 70) expect(await f.getAttribute("data-uncertain")).toBe(pct < 70 ? "true" : "false");
      }
      const cars = cards.filter({ hasText: "Tariff 25% on autos (KR)" }).filter({ hasText: "Jan. 1" });
      expect(await cars.locator('mark[data-field="effective"]').textContent()).toContain("Jan. 1");
      expect(await cars.getByTestId("field-basis").locator('[data-field="country"]').textContent()).toContain("from “Korean”");
      expect(formatViolations(await runAxe(page))).toBe("");

      // a field under 70% is flagged for checking, one over it is not (the hand-built budget's fields)
      await page.goto(`${e2e.url}/review?order=confidence&kind=budget`);
      const budget = page.getByTestId("by-confidence").getByTestId("proposal").filter({ hasText: "shipyard modernisation support" });
      await expect.poll(() => budget.getByTestId("field-basis").count()).toBe(1);
      const purpose = budget.getByTestId("field-basis").locator('[data-field="purpose"]');
      expect(await purpose.getAttribute("data-uncertain")).toBe("true");
      expect(await purpose.textContent()).toContain("check");
      expect(await budget.getByTestId("field-basis").locator('[data-field="amount"]').getAttribute("data-uncertain")).toBe("false");
    });
  }, 120_000);

  it("a field read from the tracker says so: a status from its measure, a KOSPI day from its closes", async () => {
    await e2e.as(EDITOR, async (page) => {
      await page.goto(`${e2e.url}/review`);
      const section = page.locator("section", { has: page.getByRole("heading", { name: "Metal fabricators count the cost" }) });
      const status = section.getByTestId("proposal").filter({ hasText: "copper" }).getByTestId("field-basis").locator('[data-field="status"]');
      await expect.poll(() => status.count()).toBeGreaterThan(0);
      expect(await status.first().textContent()).toContain("from the tracker's record of measure copper-232-50");
      const day = section.getByTestId("proposal").filter({ hasText: "KOSPI" }).getByTestId("field-basis").locator('[data-field="date"]');
      expect(await day.textContent()).toContain("2026-08-27");
      expect(await day.textContent()).toContain("from the tracker's KOSPI closes");
    });
  });

  it("shows the proposals with a conflict badge; accept in a click puts the deadline on the overview, cited", async () => {
    await e2e.as(EDITOR, async (page) => {
      await page.goto(`${e2e.url}/review`);
      await expect.poll(() => handCards(page).count()).toBe(3);
      const tariff = card(page, "Tariff 25% on autos (KR)");
      await expect.poll(() => tariff.getByTestId("conflict-badge").textContent()).toContain("Contradicts tracked: 15 → 25");
      expect(await tariff.getByTestId("conflict-badge").getAttribute("href")).toBe("/edit/measures/autos-kr-15");
      expect(await tariff.locator("mark").first().textContent()).toBe("25%");

      await card(page, "chip tariff talks deadline").getByRole("button", { name: "Accept" }).click();
      await expect.poll(() => handCards(page).count()).toBe(2);
      await page.goto(`${e2e.url}/review?status=accepted`);
      const accepted = handCards(page).filter({ hasText: "chip tariff talks deadline" });
      const link = accepted.getByRole("link", { name: /Accepted → deadline/ });
      const href = await link.getAttribute("href");
      expect(href).toMatch(/^\/edit\/deadlines\/chip-tariff-talks-deadline-2027-01-15$/);
      await page.goto(`${e2e.url}/`);
      expect(await page.textContent("body")).toContain("Chip tariff talks deadline");
      await page.goto(`${e2e.url}/sources`);
      expect(await page.textContent("body")).toContain("Car duty raised as chip talks loom");
    });
  }, 120_000);

  it("a conflict asks for a choice; edit shows the new value; reject removes it from the queue", async () => {
    await e2e.as(EDITOR, async (page) => {
      await page.goto(`${e2e.url}/review`);
      const tariff = card(page, "Tariff 25% on autos (KR)");
      await tariff.getByRole("button", { name: "Accept" }).click();
      await tariff.getByRole("button", { name: "Accept with this choice" }).click();
      await expect.poll(() => tariff.getByTestId("form-error").textContent()).toMatch(/contradicts/);

      const budget = card(page, "shipyard modernisation support");
      await budget.getByRole("button", { name: "Edit" }).click();
      await budget.getByLabel("Amount").fill("-1");
      await budget.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => budget.getByTestId("form-error").textContent()).toMatch(/amount must be more than 0/);
      await budget.getByLabel("Amount").fill("3500000000000");
      await budget.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => card(page, "Budget 3,500,000,000,000 KRW").count()).toBe(1);

      const edited = card(page, "Budget 3,500,000,000,000 KRW");
      await edited.getByRole("button", { name: "Reject" }).click();
      await edited.getByLabel("Note (optional)").fill("Not a tariff response");
      await edited.getByRole("button", { name: "Reject proposal" }).click();
      await expect.poll(() => handCards(page).count()).toBe(1);
    });
  }, 120_000);

  it("the article page marks every evidence sentence and links the original; axe passes on both pages", async () => {
    await e2e.as(EDITOR, async (page) => {
      await page.goto(`${e2e.url}/news/${articleId}`);
      const marks = page.getByTestId("article-text").locator("mark");
      expect(await marks.count()).toBe(3);
      expect(await marks.first().getAttribute("id")).toMatch(/^evidence-\d+$/);
      const original = page.getByRole("link", { name: "Original article" });
      expect(await original.getAttribute("href")).toBe("https://news.example.org/review-e2e");
      expect(await original.getAttribute("rel")).toBe("noopener noreferrer");
      const onArticle = await runAxe(page);
      expect(onArticle, formatViolations(onArticle)).toEqual([]);
      await page.goto(`${e2e.url}/review?status=pending`);
      const onQueue = await runAxe(page);
      expect(onQueue, formatViolations(onQueue)).toEqual([]);
    });
  }, 120_000);
});
