// The REST API's bounds.

/**
 * `tariffs.csv` and `deadlines.csv`: the most rows one export answers. A larger export is refused (400) and asks to be
 * narrowed (`sector` for tariffs, `from`/`to` for deadlines), never cut short silently.
 */
export const MAX_CSV_ROWS = 10_000;
