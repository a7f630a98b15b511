// `getTranslations` for server components: next-intl's, on a cache kept for the life of the process
// (i18n/translator-cache.ts). next-intl makes a new cache per request and namespace, so every render parsed again
// every ICU message it showed: ~6 ms and ~1 MB of garbage per overview at 100× (docs/benchmarks.md).
import "server-only";
import { getLocale, getMessages, getTimeZone, type getTranslations as nextGetTranslations } from "next-intl/server";
import { translatorFor } from "./translator-cache";

type Locale = Awaited<ReturnType<typeof getLocale>>;

async function translations(arg?: string | { locale?: Locale; namespace?: string }) {
  const asked = typeof arg === "object" ? arg : { namespace: arg };
  const [locale, messages, timeZone] = await Promise.all([
    asked.locale ?? getLocale(),
    getMessages(asked.locale ? { locale: asked.locale } : undefined),
    getTimeZone(asked.locale ? { locale: asked.locale } : undefined),
  ]);
  return translatorFor({ locale, messages, timeZone, namespace: asked.namespace });
}

/** Same signature and result as next-intl's `getTranslations`: a namespace, none, or `{ locale, namespace }`. */
export const getTranslations = translations as unknown as typeof nextGetTranslations;
