// GET /api/v1/series/<key>.csv?asOf=&from=&to= — a market series' daily OHLCV rows, as the market procedures read them.
import { z } from "zod";
import { isoDate } from "@/server/core/schemas";
import { toCsv } from "./csv";
import { csvResponse, json, parseQuery } from "./http";
import { asOf, type RestContext } from "./context";

/** One handler per file name in the URL (`kospi.csv`); a name that is not `<key>.csv` is a 404. */
export function createSeriesCsvHandler({ caller, readable }: RestContext) {
  return (file: string) =>
    readable(async (req, user) => {
      const m = /^([a-z0-9_-]{1,40})\.csv$/.exec(file);
      if (!m) return json({ error: { code: "NOT_FOUND", message: `No series file "${file}"; try kospi.csv` } }, 404);
      const q = parseQuery(new URL(req.url), z.object({ asOf, from: isoDate.optional(), to: isoDate.optional() }));
      const api = await caller(user);
      const rows = await api.market.rows({ key: m[1]!, asOf: q.asOf, from: q.from, to: q.to });
      return csvResponse(
        toCsv(["date", "open", "high", "low", "close", "volume"], rows.map((r) => [r.date, r.open, r.high, r.low, r.close, r.volume])),
        `${m[1]}.csv`,
      );
    });
}
