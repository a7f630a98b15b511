import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/i18n/translations";
import { getRequestUser } from "@/server/users/auth/request-user";
import { hasRole } from "@/server/core/session-user";
import { UserMenu } from "@/components/users/user-menu";
import { PublicClientMessages } from "@/components/layout/client-messages";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { NavLinks } from "@/components/layout/nav-links";
import { ThemeProvider } from "@/components/layout/theme-provider";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { KOREAN_FONT_CSS } from "@/lib/korean-font";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  const user = await getRequestUser();
  const access = { signedIn: !!user, canEdit: !!user && hasRole(user, "editor") };

  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-dvh bg-background text-foreground antialiased">
        {/* Hangul for browsers without a Korean font (React hoists the stylesheet into <head>). */}
        {locale === "ko" && <link rel="stylesheet" href={KOREAN_FONT_CSS} precedence="default" />}
        <PublicClientMessages>
          <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
            <a
              href="#main"
              className="sr-only rounded-md bg-accent px-3 py-2 text-sm font-semibold text-accent-foreground focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50"
            >
              {t("skipToContent")}
            </a>
            <header className="border-b border-border bg-card">
              <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
                <div className="flex items-baseline gap-2">
                  <Link
                    href="/"
                    aria-label={t("home")}
                    className="rounded-md text-lg font-bold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                  >
                    {t("name")}
                  </Link>
                  <span className="hidden text-xs text-muted-foreground md:inline">{t("tagline")}</span>
                </div>
                <NavLinks access={access} />
                <div className="ml-auto flex flex-wrap items-center gap-3">
                  <UserMenu />
                  <LocaleSwitcher />
                  <ThemeToggle />
                </div>
              </div>
            </header>
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none">
              {children}
            </main>
          </ThemeProvider>
        </PublicClientMessages>
      </body>
    </html>
  );
}
