// POST /api/v1/products/parts — a parts list (multipart field `file`, or a `codes` text field) rated on `date` and,
// given `compare`, on that date too with the change; JSON by default, CSV with ?format=csv (what the page's "download"
// and a plain form post get). Reads only: no session needed; the size is refused (413) before the body is read in full.
import { z } from "zod";
import { resolveAsOf } from "@/server/core/as-of";
import { readLimited } from "@/server/core/http-body";
import { isoDate } from "@/server/core/schemas";
import { PRODUCT_LIMITS } from "@/server/products/constants";
import { parsePartsCsv, partsCsvRows, PARTS_CSV_COLUMNS, rateParts } from "@/server/products/parts";
import { toCsv } from "./csv";
import { BadParameterError, csvResponse, handle, json, parseQuery } from "./http";
import type { RestDeps } from "./context";

/** 10,000 rows of a code, a label and a few more columns. */
export const MAX_PARTS_BYTES = 2 * 1024 * 1024;

const fields = z.object({ date: isoDate.optional(), compare: isoDate.optional() });

export function createPartsHandler(deps: RestDeps) {
  return handle(async (req) => {
    const q = parseQuery(new URL(req.url), z.object({ format: z.enum(["json", "csv"]).default("json") }));
    const tooLarge = () => json({ error: { code: "TOO_LARGE", param: "file", message: `The list is larger than 2 MB: at most ${PRODUCT_LIMITS.partsRows.toLocaleString("en-US")} rows` } }, 413);
    if (Number(req.headers.get("content-length") ?? "0") > MAX_PARTS_BYTES) return tooLarge();
    const body = await readLimited(req, MAX_PARTS_BYTES);
    if (!body) return tooLarge();
    let form: FormData;
    try {
      form = await new Request(req.url, { method: "POST", headers: req.headers, body }).formData();
    } catch {
      throw new BadParameterError("file", "Send the list as multipart/form-data: a file in a field named file, or the codes in a field named codes");
    }
    const file = form.get("file");
    const text = file && typeof file !== "string" && file.size > 0 ? await file.text() : String(form.get("codes") ?? "");
    const f = fields.safeParse({ date: form.get("date") || undefined, compare: form.get("compare") || undefined });
    if (!f.success) {
      const param = String(f.error.issues[0]!.path[0]);
      throw new BadParameterError(param, `Field "${param}" ${f.error.issues[0]!.message}`);
    }
    const now = deps.now();
    const a = resolveAsOf(f.data.date, now);
    const b = f.data.compare ? resolveAsOf(f.data.compare, now) : null;
    const rated = await rateParts((await deps.database()).db, parsePartsCsv(text), a.at, b?.at ?? null);
    if (q.format === "csv") return csvResponse(toCsv(PARTS_CSV_COLUMNS, partsCsvRows(rated)), `parts-${a.date}${b ? `-vs-${b.date}` : ""}.csv`);
    const problems = rated.flatMap((r) => (r.problem ? [r.problem] : []));
    return json({
      date: a.date,
      compare: b?.date ?? null,
      summary: { rows: rated.length, rated: rated.length - problems.length, problems: problems.length, changed: rated.filter((r) => r.changePct !== null && r.changePct !== 0).length },
      rows: rated.map(({ problem: _p, ...r }) => r),
      problems,
    });
  });
}
