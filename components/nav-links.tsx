"use client";

import { Suspense } from "react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { AS_OF_PARAM, parseAsOfParam, withAsOf } from "@/lib/as-of";
import { cn } from "@/lib/cn";

const LINKS = [
  { href: "/", key: "overview" },
  { href: "/sectors", key: "sectors" },
  { href: "/sources", key: "sources" },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** Main navigation; links carry the current ?asOf= along so the whole dashboard stays at one point in time. */
export function NavLinks() {
  return (
    <Suspense fallback={<NavList asOf={null} />}>
      <NavWithAsOf />
    </Suspense>
  );
}

function NavWithAsOf() {
  const searchParams = useSearchParams();
  return <NavList asOf={parseAsOfParam(searchParams.get(AS_OF_PARAM))} />;
}

function NavList({ asOf }: { asOf: string | null }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap items-center gap-1">
        {LINKS.map(({ href, key }) => {
          const active = isActive(pathname, href);
          return (
            <li key={href}>
              <Link
                href={asOf ? withAsOf(href, "", asOf) : href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-9 items-center rounded-md px-3 text-sm font-medium transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                  active
                    ? "bg-muted text-foreground underline decoration-2 underline-offset-[6px]"
                    : "text-muted-foreground hover:bg-muted hover:text-foreground",
                )}
              >
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
