// Translators on one cache per locale for the life of the process: parsed ICU messages and Intl formatters are kept
// between requests (next-intl's own cache lasts one request). use-intl keys a parsed message by its text, locale and
// formats (time zone included), so nothing request-specific is kept. Used by i18n/translations.ts.
import { _createCache, _createIntlFormatters, createTranslator } from "use-intl/core";

type Cached = { cache: ReturnType<typeof _createCache>; formatters: ReturnType<typeof _createIntlFormatters> };
const byLocale = new Map<string, Cached>();

function cachedFor(locale: string): Cached {
  let cached = byLocale.get(locale);
  if (!cached) {
    const cache = _createCache();
    byLocale.set(locale, (cached = { cache, formatters: _createIntlFormatters(cache) }));
  }
  return cached;
}

export type TranslatorInput = { locale: string; messages: Record<string, unknown>; timeZone: string; namespace?: string };

/** use-intl's translator for the messages given, on the process-wide cache of `locale`. */
export function translatorFor({ locale, messages, timeZone, namespace }: TranslatorInput) {
  const { cache, formatters } = cachedFor(locale);
  return createTranslator({ locale, messages, timeZone, namespace, _cache: cache, _formatters: formatters } as Parameters<typeof createTranslator>[0]);
}

/** How many parsed messages the process keeps for `locale`. */
export function cachedMessageCount(locale: string): number {
  return Object.keys(byLocale.get(locale)?.cache.message ?? {}).length;
}
