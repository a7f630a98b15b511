// What every page needs: the tRPC caller on the process database, the as-of it answers for, and today's date.
import "server-only";
import { getLocale } from "next-intl/server";
import { createCaller } from "@/server/api/root";
import { getDb } from "@/server/db";
import { resolveAsOf } from "@/server/domain/as-of";
import { AS_OF_ZONE } from "@/server/domain/constants";
import { isIsoDate, localDate } from "@/server/domain/time";
import type { DisplayLocale } from "@/lib/format";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function pageContext(searchParams: SearchParams) {
  const params = await searchParams;
  const given = Array.isArray(params.asOf) ? params.asOf[0] : params.asOf;
  const raw = given === "" ? undefined : given; // "Today" in the plain form submits an empty asOf
  const now = new Date();
  const today = localDate(now, AS_OF_ZONE);
  // A malformed or future date falls back to the live view, and the page says so.
  const valid = raw !== undefined && isIsoDate(raw) && raw <= today && raw >= "2012-01-01";
  const asOf = resolveAsOf(valid ? raw : undefined, now);
  const [db, locale] = await Promise.all([getDb(), getLocale()]);
  return {
    api: createCaller({ db, now: () => now }),
    asOf,
    /** The `?asOf=` value in force, or null for the live view. */
    asOfParam: valid && raw !== today ? raw! : null,
    invalidAsOf: raw !== undefined && !valid,
    today,
    live: !(valid && raw !== today),
    locale: locale as DisplayLocale,
  };
}

/** Appends the page's asOf to an internal link so navigation keeps the replayed date. */
export function hrefWithAsOf(path: string, asOfParam: string | null): string {
  return asOfParam ? `${path}?asOf=${asOfParam}` : path;
}
