// Query parameters as the pages read them: the first value of each, and the problems of a filter form's values.
import type { ZodError } from "zod";
import { MAX_OFFSET } from "@/server/core/schemas";

export type Params = Record<string, string | string[] | undefined>;

/** The first value of a parameter given once or more (`?a=1&a=2` → "1"). */
export const firstParam = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The named parameters that have a value, each as its first value. */
export function pickParams<Name extends string>(params: Params, names: readonly Name[]): Partial<Record<Name, string>> {
  const picked: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = firstParam(params[name]);
    if (value) picked[name] = value;
  }
  return picked;
}

/** A filter form's invalid values as "field: message" lines (none when the values parsed). */
export function filterProblems(error: ZodError | undefined): string[] {
  return error ? error.issues.map((i) => `${i.path.join(".") || "filter"}: ${i.message}`) : [];
}

/** A page's `offset` parameter: a whole number ≥ 0 (anything else is the first page). */
export function offsetParam(value: string | string[] | undefined): number {
  const n = Number(firstParam(value));
  return Number.isSafeInteger(n) && n > 0 && n <= MAX_OFFSET ? n : 0;
}

/** A path with the page's as-of date (when one is chosen) and a page offset (when not the first). */
export function pageHref(path: string, asOfParam: string | null, offset: number, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params);
  if (asOfParam) query.set("asOf", asOfParam);
  if (offset > 0) query.set("offset", String(offset));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
