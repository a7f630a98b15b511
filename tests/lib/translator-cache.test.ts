// i18n/translator-cache.ts: translators share one parsed-message cache per locale across requests, and format
// exactly as use-intl's own translator does with a fresh cache (what next-intl gives each request).
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { cachedMessageCount, translatorFor } from "@/i18n/translator-cache";

const ZONE = "America/New_York";

describe("translatorFor", () => {
  it("formats plurals and arguments as use-intl does with a fresh cache, in English and Korean", () => {
    for (const [locale, messages] of [["en", en], ["ko", ko]] as const) {
      const fresh = createTranslator({ locale, messages, timeZone: ZONE, namespace: "sources" });
      const cached = translatorFor({ locale, messages, timeZone: ZONE, namespace: "sources" });
      for (const count of [0, 1, 2, 17]) expect(cached("count", { count })).toBe(fresh("count", { count }));
      expect(cached("about", { label: "KOSPI" })).toBe(fresh("about", { label: "KOSPI" }));
      expect(cached("title")).toBe(fresh("title"));
    }
  });

  it("parses a message once per process, not once per translator (each request makes its own translator)", () => {
    const t1 = translatorFor({ locale: "en", messages: en, timeZone: ZONE, namespace: "sources" });
    t1("count", { count: 3 });
    t1("about", { label: "KOSPI" });
    const after = cachedMessageCount("en");
    expect(after).toBeGreaterThanOrEqual(2);
    const t2 = translatorFor({ locale: "en", messages: en, timeZone: ZONE, namespace: "sources" });
    expect(t2("count", { count: 4 })).toBe("4 sources");
    expect(cachedMessageCount("en")).toBe(after);
    // A message with another text (an edited catalogue) is a new entry, never the old parse.
    const edited = { ...en, sources: { ...en.sources, count: "{count, plural, one {# ref} other {# refs}}" } };
    expect(translatorFor({ locale: "en", messages: edited, timeZone: ZONE, namespace: "sources" })("count", { count: 4 })).toBe("4 refs");
    expect(cachedMessageCount("en")).toBe(after + 1);
  });
});
