import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { AS_OF_ZONE } from "@/server/core/constants";
import { LOCALE_COOKIE, resolveLocale } from "./locale";

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return {
    locale,
    // Dates the UI formats itself carry their own zone (see lib/format.ts); this only silences next-intl's
    // fallback warning and keeps server and client formatting identical.
    timeZone: AS_OF_ZONE,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
