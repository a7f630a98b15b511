// What every page needs: the tRPC caller on the process database, the as-of it answers for, and today's date.
import "server-only";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getRequestUser } from "@/server/users/auth/request-user";
import { hasRole } from "@/server/core/session-user";
import { env } from "@/server/core/env.js";
import { loadJobs } from "@/jobs/load";
import { createCaller } from "@/server/core/root";
import { getDb } from "@/server/core/db";
import { resolveAsOf } from "@/server/core/as-of";
import { AS_OF_ZONE } from "@/server/core/constants";
import { localDate } from "@/server/core/time";
import { parseAsOfParam } from "@/lib/as-of";
import type { DisplayLocale } from "@/lib/format";
import { firstParam, type Params } from "./search-params";

export type SearchParams = Promise<Params>;

export async function pageContext(searchParams: SearchParams) {
  const params = await searchParams;
  const now = new Date();
  const today = localDate(now, AS_OF_ZONE);
  // The same rules as the as-of control and the nav links: a real date from AS_OF_MIN to today, else the live view.
  const given = firstParam(params.asOf);
  const parsed = parseAsOfParam(given, today);
  const asOfParam = parsed === today ? null : parsed;
  const asOf = resolveAsOf(asOfParam ?? undefined, now);
  const [db, locale, user] = await Promise.all([getDb(), getLocale(), getRequestUser()]);
  if (env.READ_ACCESS === "signed-in" && !user) redirect("/sign-in");
  return {
    api: createCaller({ db, now: () => now, user, jobs: loadJobs }),
    user,
    asOf,
    /** The `?asOf=` value in force, or null for the live view. */
    asOfParam,
    // "Today" in the plain form submits an empty asOf: that is the live view, not a mistake.
    invalidAsOf: !!given && parsed === null,
    today,
    live: asOfParam === null,
    locale: locale as DisplayLocale,
  };
}

/**
 * Pages that need a signed-in user (editing, audit): redirects to sign-in and back; `canEdit` says whether the
 * user may change data (editors and admins). Viewers get the page without any edit control.
 */
export async function signedInContext(next: string) {
  const now = new Date();
  const [db, locale, user] = await Promise.all([getDb(), getLocale(), getRequestUser()]);
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  return {
    api: createCaller({ db, now: () => now, user, jobs: loadJobs }),
    user,
    now,
    canEdit: hasRole(user, "editor"),
    locale: locale as DisplayLocale,
  };
}

/**
 * Pages authorised by a signed link from an alert email (manage): no sign-in needed, whatever READ_ACCESS says —
 * the link's token is checked by the procedures it is passed to.
 */
export async function linkContext() {
  const now = new Date();
  const [db, locale, user] = await Promise.all([getDb(), getLocale(), getRequestUser()]);
  return { api: createCaller({ db, now: () => now, user, jobs: loadJobs }), user, now, locale: locale as DisplayLocale };
}
