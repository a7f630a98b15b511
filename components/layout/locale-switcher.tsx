"use client";

import { useId, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LOCALES, type Locale } from "@/server/core/constants";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, isLocale } from "@/i18n/locale";
import { useHydrated } from "@/components/ui/use-hydrated";
import { cn } from "@/lib/cn";
import { LanguageIcon } from "./icons";

/** Sets the NEXT_LOCALE cookie and re-renders the current route on the server; the URL does not change. */
export function LocaleSwitcher({ className }: { className?: string }) {
  const t = useTranslations("locale");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const ready = useHydrated();
  const id = useId();

  const change = (next: string) => {
    if (!isLocale(next) || next === locale) return;
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax${secure}`;
    startTransition(() => router.refresh());
  };

  return (
    <div className={cn("flex items-center gap-1.5", className)} aria-busy={pending || undefined}>
      <label htmlFor={id} className="text-sm">
        <LanguageIcon className="mr-1 inline h-4 w-4 align-[-3px]" />
        <span className="sr-only sm:not-sr-only">{t("label")}</span>
      </label>
      <select
        id={id}
        value={locale}
        disabled={!ready || pending}
        onChange={(e) => change(e.currentTarget.value)}
        className="h-9 cursor-pointer rounded-md border border-input bg-background px-2 text-sm text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:opacity-60"
      >
        {LOCALES.map((l: Locale) => (
          <option key={l} value={l} lang={l}>
            {t(l)}
          </option>
        ))}
      </select>
    </div>
  );
}
