// decodeText: charset from BOM / Content-Type / <meta charset>, strict UTF-8 by default, and a clear refusal for
// empty, oversized, binary and non-UTF-8 input.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { binaryKind, declaredMarkupCharset, decodeText } from "@/server/news/ingest/decode";
import { BadInputError } from "@/server/core/errors";

const utf8 = (s: string) => new TextEncoder().encode(s);

function refusal(bytes: Uint8Array, options?: Parameters<typeof decodeText>[1]): BadInputError {
  try {
    decodeText(bytes, options);
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return error as BadInputError;
  }
  throw new Error("decoded");
}

// "관세 25%" in EUC-KR (hand-encoded: 관 = B0 FC, 세 = BC BC).
const eucKr = new Uint8Array([0xb0, 0xfc, 0xbc, 0xbc, 0x20, 0x32, 0x35, 0x25]);

describe("decodeText", () => {
  it("decodes UTF-8 by default, with and without a BOM", () => {
    expect(decodeText(utf8("Tariff 관세 25%")).text).toBe("Tariff 관세 25%");
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("with BOM")]);
    expect(decodeText(bom)).toEqual({ text: "with BOM", charset: "utf-8" });
  });

  it("decodes UTF-16 with its BOM", () => {
    const text = "관세 tariff";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(bytes).text).toBe(text);
  });

  it("uses the Content-Type charset, then <meta charset>", () => {
    expect(decodeText(eucKr, { charset: "EUC-KR" })).toEqual({ text: "관세 25%", charset: "euc-kr" });
    const page = new Uint8Array([...utf8('<html><head><meta charset="euc-kr"></head><body>'), ...eucKr, ...utf8("</body></html>")]);
    expect(declaredMarkupCharset(page)).toBe("euc-kr");
    expect(decodeText(page, { sniffMarkup: true }).text).toContain("관세 25%");
    const httpEquiv = utf8('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>caf\u00e9</p>');
    expect(declaredMarkupCharset(httpEquiv)).toBe("windows-1252");
  });

  it("refuses bytes that are not UTF-8 when no charset is declared", () => {
    const error = refusal(eucKr);
    expect(error.message).toBe("The text is not UTF-8 text: declare the charset or convert the file to UTF-8.");
    expect(error.field).toBe("file");
  });

  it("refuses bytes invalid in their declared charset, and unknown charsets", () => {
    expect(refusal(new Uint8Array([0xff, 0xfe, 0xfd].map((b) => b)).subarray(2), { charset: "utf-8" }).message).toContain("not valid utf-8");
    expect(refusal(utf8("hello"), { charset: "klingon-1" }).message).toContain('"klingon-1"');
  });

  it("refuses empty and blank input", () => {
    expect(refusal(new Uint8Array()).message).toContain("empty");
    expect(refusal(utf8("  \n\t ")).message).toContain("only white space");
  });

  it("refuses more than 5 MB, naming the limit", () => {
    const error = refusal(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), { field: "text" });
    expect(error.message).toContain("larger than 5 MB");
    expect(error.field).toBe("text");
  });

  it.each([
    ["PDF", utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "PDF"],
    ["PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "PNG"],
    ["ZIP", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), "ZIP"],
    ["gzip", gzipSync("hello"), "gzip"],
    ["NUL bytes", new Uint8Array([0x61, 0x62, 0x00, 0x63]), "NUL"],
    ["control characters", new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), "control"],
  ])("refuses binary: %s", (_name, bytes, word) => {
    const error = refusal(bytes);
    expect(error.message).toContain(word);
    expect(error.message).toContain("not text");
  });

  it("speaks of a page, not a file, when the bytes were fetched from a URL", () => {
    const empty = refusal(new Uint8Array(), { field: "url" });
    expect(empty.message).toBe("The page is empty; there is no text to read.");
    expect(empty.field).toBe("url");
    const png = refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { field: "url" });
    expect(png.message).toBe("The page is a PNG image, not text; give the address of an article page.");
    expect(png.message).not.toContain("file");
    expect(refusal(new Uint8Array()).message).toBe("The file is empty; there is no text to read.");
  });

  it("does not take ordinary text for binary", () => {
    expect(binaryKind(utf8("Line one\r\n\tLine two\f"))).toBeNull();
  });
});
