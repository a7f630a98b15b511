// toCsv (server/rest/csv.ts): RFC 4180 output with a formula-injection guard for text cells.
import { describe, expect, it } from "vitest";
import { toCsv, type Cell } from "@/server/rest/csv";

const CRLF = "\r\n";
/** The CSV for a one-column table with header "h" and a single cell. */
const one = (value: Cell) => toCsv(["h"], [[value]]);

/** Minimal RFC 4180 reader, to check that what toCsv writes reads back as the intended fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
      i++;
    } else if (c === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else {
      // A bare CR or LF outside quotes is not a record separator in RFC 4180 output; fail loudly.
      if (c === "\r" || c === "\n") throw new Error(`bare line break outside quotes at ${i}`);
      if (c === '"') throw new Error(`stray quote at ${i}`);
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length > 0) throw new Error("missing trailing CRLF");
  return records;
}

describe("toCsv: cells", () => {
  it.each([
    // [label, value, encoded cell]
    ["plain text", "KOSPI", "KOSPI"],
    ["empty string", "", ""],
    ["inner spaces kept", "  two  spaces ", "  two  spaces "],
    ["non-ASCII", "코스피 종가", "코스피 종가"],
    ["comma → quoted", "Seoul, Korea", '"Seoul, Korea"'],
    ["quote → doubled and quoted", 'the "deal"', '"the ""deal"""'],
    ["only a quote", '"', '""""'],
    ["CRLF inside → quoted verbatim", "line 1\r\nline 2", '"line 1\r\nline 2"'],
    ["LF inside → quoted verbatim", "line 1\nline 2", '"line 1\nline 2"'],
    ["CR inside → quoted verbatim", "line 1\rline 2", '"line 1\rline 2"'],
    ["comma, quote and LF together", 'a,"b"\nc', '"a,""b""\nc"'],
    ["null → empty", null, ""],
    ["undefined → empty", undefined, ""],
    ["Date → ISO-8601 UTC", new Date("2025-08-01T04:01:00Z"), "2025-08-01T04:01:00.000Z"],
    ["Date with ms", new Date("2025-07-08T14:59:59.999Z"), "2025-07-08T14:59:59.999Z"],
    ["integer", 0, "0"],
    ["decimal", 2465.42, "2465.42"],
    ["negative number NOT prefixed", -5.57, "-5.57"],
    ["negative integer NOT prefixed", -1, "-1"],
    ["tiny negative NOT prefixed", -0.001, "-0.001"],
    ["large volume", 695075, "695075"],
    ["exponent form as JavaScript prints it", 1e21, "1e+21"],
    ["NaN → empty", Number.NaN, ""],
    ["Infinity → empty", Number.POSITIVE_INFINITY, ""],
    ["−Infinity → empty", Number.NEGATIVE_INFINITY, ""],
    ["true", true, "true"],
    ["false", false, "false"],
    // Formula-injection guard: text starting with = + - @ (and tab/CR) is prefixed with ' so it stays text.
    ["= formula", "=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+ formula", "+82 2 123 4567", "'+82 2 123 4567"],
    ["- formula", "-2+3", "'-2+3"],
    ["negative-looking TEXT is prefixed (only numbers are exempt)", "-5.57", "'-5.57"],
    ["@ formula", "@SUM(1)", "'@SUM(1)"],
    ["lone =", "=", "'="],
    ["tab first", "\tcmd", "'\tcmd"],
    ["= not first is fine", "a=b", "a=b"],
    ["- not first is fine", "2025-08-01", "2025-08-01"],
    ["' first is left alone", "'quoted", "'quoted"],
    // Prefix first, then quote: the apostrophe lands inside the quotes.
    ["formula with a comma", "=1,2", "\"'=1,2\""],
    ["formula with quotes", '=HYPERLINK("http://x","y")', "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""],
    ["CR first → prefixed and quoted", "\rX", "\"'\rX\""],
  ] as const)("%s", (_, value, encoded) => {
    expect(one(value as Cell)).toBe(`h${CRLF}${encoded}${CRLF}`);
  });
});

describe("toCsv: records", () => {
  it("header only → one record with a trailing CRLF", () => {
    expect(toCsv(["date", "close"], [])).toBe(`date,close${CRLF}`);
  });

  it("records are separated by CRLF and the last one ends with CRLF", () => {
    const out = toCsv(
      ["date", "open", "high", "low", "close", "volume"],
      [
        ["2025-04-04", 2450.49, 2506.71, 2438.02, 2465.42, 695075],
        ["2025-04-07", 2359.25, 2369.4, 2327.01, 2328.2, 619501],
      ],
    );
    expect(out).toBe(
      "date,open,high,low,close,volume\r\n" +
        "2025-04-04,2450.49,2506.71,2438.02,2465.42,695075\r\n" +
        "2025-04-07,2359.25,2369.4,2327.01,2328.2,619501\r\n",
    );
    expect(out.endsWith(CRLF)).toBe(true);
    expect(out.endsWith(CRLF + CRLF)).toBe(false);
    // No bare LF anywhere: every LF is part of a CRLF.
    expect(out.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("a mixed table", () => {
    const out = toCsv(
      ["key", "title", "rate", "effective", "note"],
      [
        ["autos-232-25", "Section 232 autos 25%", 25, new Date("2025-04-03T04:01:00Z"), null],
        ["autos-kr-15", 'Korean autos at 15% "all-in"', 15, new Date("2025-11-01T04:01:00Z"), "MFN + Sec. 232 = 15%,\nno stacking"],
        ["x", "=cmd|' /C calc'!A0", -0.5, null, undefined],
      ],
    );
    expect(out).toBe(
      "key,title,rate,effective,note\r\n" +
        "autos-232-25,Section 232 autos 25%,25,2025-04-03T04:01:00.000Z,\r\n" +
        'autos-kr-15,"Korean autos at 15% ""all-in""",15,2025-11-01T04:01:00.000Z,"MFN + Sec. 232 = 15%,\nno stacking"\r\n' +
        "x,'=cmd|' /C calc'!A0,-0.5,,\r\n",
    );
  });

  it("header cells are encoded like any other text", () => {
    expect(toCsv(["a,b", 'say "x"', "=h"], [])).toBe(`"a,b","say ""x""",'=h${CRLF}`);
  });

  it.each([
    // [rows] — whatever goes in reads back field for field (text with the guard prefix where it applies).
    [[["plain", "a,b", 'q"q', "l1\r\nl2", "l1\nl2", ""]], [["plain", "a,b", 'q"q', "l1\r\nl2", "l1\nl2", ""]]],
    [[["=1+1", "+1", "-1", "@x", -1, 0]], [["'=1+1", "'+1", "'-1", "'@x", "-1", "0"]]],
    [[[null, undefined, true, new Date("2025-04-07T06:30:00Z")]], [["", "", "true", "2025-04-07T06:30:00.000Z"]]],
    [
      [
        ["1", "two"],
        ["3", "four\r\nfive"],
        ["", ""],
      ],
      [
        ["1", "two"],
        ["3", "four\r\nfive"],
        ["", ""],
      ],
    ],
  ] as const)("round-trips through an RFC 4180 reader: %j", (rows, expected) => {
    const header = (rows[0] as readonly Cell[]).map((_, i) => `c${i}`);
    const parsed = parseCsv(toCsv(header, rows as readonly (readonly Cell[])[]));
    expect(parsed[0]).toEqual(header);
    expect(parsed.slice(1)).toEqual(expected);
  });
});
