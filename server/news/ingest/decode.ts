// Bytes of an article (uploaded file, fetched page, feed document) → text, or a clear refusal: empty, too large,
// binary (known file signatures, NUL bytes, mostly control characters), or not valid in its declared charset / not
// UTF-8 when none is declared. The charset comes from a BOM, then the Content-Type, then <meta charset> /
// <?xml encoding?>; otherwise UTF-8, decoded strictly (no silent U+FFFD).
import { MAX_ARTICLE_BYTES } from "@/server/news/constants";
import { BadInputError } from "@/server/core/errors";

export type DecodeOptions = {
  /** The input field errors are reported against (the form's). */
  field?: string;
  /** Charset from the Content-Type header, if any. */
  charset?: string | null;
  /** Look for <meta charset> / <?xml encoding?> in the first bytes (HTML and XML). */
  sniffMarkup?: boolean;
  maxBytes?: number;
};

export type Decoded = { text: string; charset: string };

const SIGNATURES: [string, number[]][] = [
  ["a PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a ZIP archive (or an Office document)", [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["an old Office document", [0xd0, 0xcf, 0x11, 0xe0]],
  ["a WebP/RIFF file", [0x52, 0x49, 0x46, 0x46]],
  ["a 7-Zip archive", [0x37, 0x7a, 0xbc, 0xaf]],
  ["an executable", [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { charset: "utf-8", skip: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { charset: "utf-16le", skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { charset: "utf-16be", skip: 2 };
  return null;
}

/** The charset a markup document declares in its first 2 KB (<meta charset>, http-equiv, <?xml encoding?>). */
export function declaredMarkupCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** What kind of binary file the bytes are, or null when they could be text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, sig] of SIGNATURES) if (startsWith(bytes, sig)) return name;
  if (bomCharset(bytes)?.charset.startsWith("utf-16")) return null;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return "binary data (it contains NUL bytes)";
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) return "binary data (mostly control characters)";
  return null;
}

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const field = options.field ?? "file";
  const max = options.maxBytes ?? MAX_ARTICLE_BYTES;
  // A fetched page is not a file the editor chose: name it as what it is and ask for what helps.
  const fromPage = field === "url";
  if (bytes.byteLength === 0) throw new BadInputError(field, fromPage ? "The page is empty; there is no text to read." : "The file is empty; there is no text to read.");
  if (bytes.byteLength > max) {
    throw new BadInputError(field, `The text is larger than ${megabytes(max)} (${megabytes(bytes.byteLength)}); give a shorter article.`);
  }
  const kind = binaryKind(bytes);
  if (kind) {
    throw new BadInputError(field, fromPage ? `The page is ${kind}, not text; give the address of an article page.` : `This is ${kind}, not text; give a .txt, .html or .md file.`);
  }

  const bom = bomCharset(bytes);
  const declared = bom?.charset ?? options.charset?.toLowerCase() ?? (options.sniffMarkup ? declaredMarkupCharset(bytes) : null);
  const charset = declared ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new BadInputError(field, `The declared charset "${charset}" is not one this server knows; convert the file to UTF-8.`);
  }
  let text: string;
  try {
    text = decoder.decode(bom ? bytes.subarray(bom.skip) : bytes);
  } catch {
    throw new BadInputError(
      field,
      declared
        ? `The text is not valid ${charset}, although it says so; convert the file to UTF-8.`
        : "The text is not UTF-8 text: declare the charset or convert the file to UTF-8.",
    );
  }
  if (text.trim() === "") throw new BadInputError(field, "The file has no text, only white space.");
  return { text, charset: decoder.encoding };
}
