// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes doubled.
// Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with ' so it stays text.

export type Cell = string | number | boolean | null | undefined | Date;

function cell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
