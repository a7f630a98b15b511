// Observations at /edit/observations in real Chromium: CSV files chosen with setInputFiles (a bad file reported by row
// and column with nothing written, a 15,000-row file with its progress bar, a file without a close column), and the
// one-day form (field errors next to the fields, then a write and a replacement). What was written is read back
// through the public REST export /api/v1/series/kospi.csv.
//
// Dates are before the seed's KOSPI rows (which start in 2024): a close is known from that day's close or from now,
// whichever is later, so only past days show in the live export.
import type { Page } from "playwright-core";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { useE2E } from "@/tests/helpers/e2e";

const EDITOR = "obs-editor@example.org";

const e2e = useE2E({ prefix: "obs", users: { [EDITOR]: "editor" }, signIn: "once", context: { viewport: { width: 1280, height: 900 } } });

/** A fresh context signed in as the editor, on /edit/observations. */
async function onObservationsPage(fn: (page: Page) => Promise<void>): Promise<void> {
  await e2e.as(EDITOR, async (page) => {
    const response = await page.goto(`${e2e.url}/edit/observations`, { waitUntil: "load" });
    expect(response?.status(), e2e.app.output().slice(-3000)).toBe(200);
    await page.waitForLoadState("networkidle"); // hydrated: the forms are handled by React, not submitted natively
    await fn(page);
  });
}

type ExportRow = { date: string; open: number | null; high: number | null; low: number | null; close: number; volume: number | null };

/** The KOSPI rows in [from, to] as the public CSV export gives them. */
async function exported(page: Page, from: string, to: string): Promise<ExportRow[]> {
  const response = await page.request.get(`${e2e.url}/api/v1/series/kospi.csv?from=${from}&to=${to}`);
  expect(response.status()).toBe(200);
  const [header, ...lines] = (await response.text()).split("\r\n").filter(Boolean);
  expect(header).toBe("date,open,high,low,close,volume");
  const num = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));
  return lines.map((line) => {
    const [date, open, high, low, close, volume] = line.split(",");
    return { date: date!, open: num(open), high: num(high), low: num(low), close: num(close)!, volume: num(volume) };
  });
}

async function chooseFile(page: Page, name: string, csv: string): Promise<void> {
  await page.locator("#upload-series").selectOption("kospi");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
}

const status = (page: Page) => page.getByTestId("upload-status");

/** Weekdays from `start` (UTC calendar), `count` of them. */
function weekdays(start: string, count: number): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  while (out.length < count) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

describe("CSV upload", () => {
  it("a file with bad rows lists each problem by row and column and writes none of its rows, good ones included", async () => {
    await onObservationsPage(async (page) => {
      const csv = [
        "date,open,high,low,close,volume",
        "1959-03-02,100,110,95,105,1000", // row 1: fine
        "1959-03-03,100,110,95,abc,1000", // row 2: close is not a number
        "1959-03-04,100,90,95,92,1000", // row 3: high below low
        "1959-03-05,100,110,95,104,1000", // row 4: fine
        "1959-03-02,101,111,96,106,1000", // row 5: the date of row 1 again
      ].join("\n");
      await chooseFile(page, "bad.csv", csv);
      await page.getByRole("button", { name: "Check and upload" }).click();

      await expect.poll(() => status(page).textContent()).toBe("3 problems in 5 rows; nothing was written.");
      const report = page.getByTestId("row-report");
      expect(await report.locator("caption").textContent()).toBe("Problems by row");
      expect(await report.locator("thead th").allTextContents()).toEqual(["Row", "Column", "Problem"]);
      const rows = await report.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
      expect(rows).toEqual([
        ["2", "close", "must be a number greater than 0"],
        ["3", "high", "must not be below low"],
        ["5", "date", "1959-03-02 is already in row 1"],
      ]);
      expect(await exported(page, "1959-03-01", "1959-03-31")).toEqual([]);

      // The server applies the same rule whatever the browser checked: the same rows sent straight to the
      // procedure the form uses (a close of 0 standing for "abc", which JSON cannot carry as a number) are refused
      // whole, with the same report, and the good rows are not written either.
      const body = JSON.stringify(
        superjson.serialize({
          series: "kospi",
          rows: [
            { date: "1959-03-02", open: 100, high: 110, low: 95, close: 105, volume: 1000 },
            { date: "1959-03-03", open: 100, high: 110, low: 95, close: 0, volume: 1000 },
            { date: "1959-03-04", open: 100, high: 90, low: 95, close: 92, volume: 1000 },
            { date: "1959-03-05", open: 100, high: 110, low: 95, close: 104, volume: 1000 },
            { date: "1959-03-02", open: 101, high: 111, low: 96, close: 106, volume: 1000 },
          ],
        }),
      );
      const answer = await page.evaluate(async (payload) => {
        const response = await fetch("/api/trpc/edit.observations.upsert", { method: "POST", headers: { "content-type": "application/json" }, body: payload });
        return { status: response.status, json: await response.json() };
      }, body);
      expect(answer.status).toBe(400);
      const rowErrors = (answer.json as { error: { json: { data: { rowErrors: unknown } } } }).error.json.data.rowErrors;
      expect(rowErrors).toEqual([
        { row: 2, field: "close", message: "must be a number greater than 0" },
        { row: 3, field: "high", message: "must not be below low" },
        { row: 5, field: "date", message: "1959-03-02 is already in row 1" },
      ]);
      expect(await exported(page, "1959-03-01", "1959-03-31")).toEqual([]);
    });
  });

  it("a file without a close column is refused with a message naming the column", async () => {
    await onObservationsPage(async (page) => {
      await chooseFile(page, "no-close.csv", "date,open,high,low\n1959-04-01,100,110,95\n1959-04-02,101,111,96\n");
      await page.getByRole("button", { name: "Check and upload" }).click();
      await expect
        .poll(() => status(page).textContent())
        .toBe("The file has no close column; the first line must name the columns (date, close; optionally open, high, low, volume).");
      expect(await page.getByTestId("row-report").count()).toBe(0);
      expect(await page.locator("progress").count()).toBe(0);
      expect(await exported(page, "1959-04-01", "1959-04-30")).toEqual([]);
    });
  });

  it("a 15,000-row file shows the progress bar through reading, uploading and writing, then every row is exported", { timeout: 240_000 }, async () => {
    const dates = weekdays("1960-01-01", 15_000);
    const rowOf = (date: string, i: number) => {
      const close = 50 + (i % 1000) * 0.25;
      return { date, open: close - 0.5, high: close + 1, low: close - 1, close, volume: 1000 + i };
    };
    const expected = dates.map(rowOf);
    // Columns in another order and case than the export's, a comment line, CRLF: the reader copes with all of them.
    const csv = ["# KOSPI test rows", "Date,Close,Open,High,Low,Volume", ...expected.map((r) => `${r.date},${r.close},${r.open},${r.high},${r.low},${r.volume}`)].join("\r\n");
    expect(dates.at(-1)! < "2024-01-01").toBe(true); // before the seed's rows

    await onObservationsPage(async (page) => {
      // Every label the progress bar shows, in order, as the DOM changes.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __phases: string[] }).__phases = seen;
        const record = () => {
          const bar = document.querySelector("progress#upload-progress");
          const label = bar ? document.querySelector('label[for="upload-progress"]')?.textContent ?? "" : null;
          if (label !== null && seen.at(-1) !== label) seen.push(label);
        };
        new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await chooseFile(page, "kospi-1960-2017.csv", csv);
      const started = Date.now();
      await page.getByRole("button", { name: "Check and upload" }).click();
      await page.waitForSelector("progress", { timeout: 10_000 });
      await expect.poll(() => status(page).textContent(), { timeout: 180_000, interval: 250 }).toBe("Wrote 15,000 rows (0 replaced).");
      console.info(`[observations-upload] 15,000 rows read, checked, uploaded and written in ${Date.now() - started} ms`);
      expect(await page.locator("progress").count()).toBe(0); // gone once done

      const phases = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
      // "Checking rows…" may be rendered or batched away (synchronous); the other three are each awaited.
      expect(phases.filter((p) => p !== "Checking rows…")).toEqual(["Reading the file…", "Uploading…", "Writing all rows…"]);
      expect(await page.getByTestId("row-report").count()).toBe(0);

      const rows = await exported(page, "1960-01-01", "2023-12-31");
      expect(rows.length).toBe(15_000);
      expect(rows[0]).toEqual(expected[0]);
      expect(rows[7_777]).toEqual(expected[7_777]);
      expect(rows.at(-1)).toEqual(expected.at(-1));
      expect(rows.map((r) => r.date)).toEqual(dates);

      // The history on the page names the upload.
      const history = page.getByTestId("audit-entries");
      await expect.poll(() => history.textContent(), { timeout: 10_000 }).toContain("CSV upload: kospi-1960-2017.csv");
    });
  });
});

describe("one day by hand", () => {
  it("bad values are marked on their fields and nothing is written; good ones write, and a second save replaces", async () => {
    await onObservationsPage(async (page) => {
      const field = (name: string) => page.locator(`#obs-${name}`);
      await field("series").selectOption("kospi");
      await page.getByLabel("Date", { exact: true }).fill("1959-06-01");
      await page.getByLabel(/^High/).fill("90");
      await page.getByLabel(/^Low/).fill("95");
      await page.getByLabel("Close", { exact: true }).fill("-5");
      await page.getByRole("button", { name: "Save", exact: true }).click();

      await expect.poll(() => page.getByTestId("form-error").textContent()).toBe("Fix the marked fields; nothing was saved.");
      expect(await field("close").getAttribute("aria-invalid")).toBe("true");
      expect(await field("close").getAttribute("aria-describedby")).toBe("obs-close-error");
      expect(await page.locator("#obs-close-error").textContent()).toBe("must be a number greater than 0");
      expect(await field("high").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#obs-high-error").textContent()).toBe("must not be below low");
      // The error sits next to its field, inside the same group.
      expect(await page.locator("#obs-close-error").evaluate((el) => el.parentElement!.contains(document.getElementById("obs-close")))).toBe(true);
      for (const ok of ["date", "low", "open", "volume"]) expect(await field(ok).getAttribute("aria-invalid"), ok).toBeNull();
      expect(await exported(page, "1959-06-01", "1959-06-01")).toEqual([]);

      await page.getByLabel(/^High/).fill("110");
      await page.getByLabel("Close", { exact: true }).fill("105.5");
      await page.getByLabel(/^Volume/).fill("12,345");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect.poll(() => page.getByTestId("form-saved").textContent()).toBe("Wrote 1 row (0 replaced).");
      expect(await field("close").getAttribute("aria-invalid")).toBeNull();
      expect(await field("high").getAttribute("aria-invalid")).toBeNull();
      expect(await exported(page, "1959-06-01", "1959-06-01")).toEqual([
        { date: "1959-06-01", open: null, high: 110, low: 95, close: 105.5, volume: 12_345 },
      ]);

      await page.getByLabel("Close", { exact: true }).fill("106");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect.poll(() => page.getByTestId("form-saved").textContent()).toBe("Wrote 1 row (1 replaced).");
      expect((await exported(page, "1959-06-01", "1959-06-01")).map((r) => r.close)).toEqual([106]);
    });
  });
});
