"use client";

import { useEffect, useId, useState } from "react";
import { useTheme } from "next-themes";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { ThemeIcon } from "./icons";

const THEMES = ["system", "light", "dark"] as const;
type ThemeChoice = (typeof THEMES)[number];

/** System / Light / Dark, persisted by next-themes (localStorage) and applied as a class on <html>. */
export function ThemeToggle({ className }: { className?: string }) {
  const t = useTranslations("theme");
  const { theme, setTheme } = useTheme();
  const id = useId();
  // The stored theme is only known in the browser: render "system" until mounted so hydration matches.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const value: ThemeChoice = mounted && THEMES.includes(theme as ThemeChoice) ? (theme as ThemeChoice) : "system";

  return (
    <div className={cn("flex items-center gap-1.5", className)}>
      <label htmlFor={id} className="text-sm">
        <ThemeIcon className="mr-1 inline h-4 w-4 align-[-3px]" />
        <span className="sr-only sm:not-sr-only">{t("label")}</span>
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => setTheme(e.currentTarget.value)}
        className="h-9 cursor-pointer rounded-md border border-input bg-background px-2 text-sm text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {THEMES.map((choice) => (
          <option key={choice} value={choice}>
            {t(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}
