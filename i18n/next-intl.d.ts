// Typed message keys and locales for useTranslations / getTranslations / useLocale.
import type en from "@/messages/en.json";
import type { Locale } from "@/server/core/constants";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
