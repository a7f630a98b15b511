// Query parameters as the pages read them: the first value of each, and the problems of a filter form's values.
import type { ZodError } from "zod";

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
