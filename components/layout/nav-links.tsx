"use client";

import { Suspense } from "react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { AS_OF_PARAM, parseAsOfParam, withAsOf } from "@/lib/as-of";
import { cn } from "@/lib/cn";

/** Who sees a link: everyone, signed-in users, or editors (viewers see no edit control). */
type Audience = "all" | "signed-in" | "editor";

const LINKS = [
  { href: "/", key: "overview", audience: "all" },
  { href: "/sectors", key: "sectors", audience: "all" },
  { href: "/products", key: "products", audience: "all" },
  { href: "/sources", key: "sources", audience: "all" },
  { href: "/conflicts", key: "conflicts", audience: "all" },
  { href: "/alerts", key: "alerts", audience: "all", timeless: true },
  { href: "/edit", key: "edit", audience: "editor" },
  { href: "/news", key: "news", audience: "editor" },
  { href: "/review", key: "review", audience: "editor" },
  { href: "/feeds", key: "feeds", audience: "editor" },
  { href: "/screens", key: "screens", audience: "signed-in" },
  { href: "/audit", key: "audit", audience: "signed-in" },
] as const satisfies readonly { href: string; key: string; audience: Audience; timeless?: boolean }[];

/** What the signed-in person may see in the nav (from the layout's session lookup). */
export type NavAccess = { signedIn: boolean; canEdit: boolean };

function visible(audience: Audience, access: NavAccess): boolean {
  return audience === "all" || (audience === "signed-in" ? access.signedIn : access.canEdit);
}

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** Main navigation; links carry the current ?asOf= along so the whole dashboard stays at one point in time. */
export function NavLinks({ access }: { access: NavAccess }) {
  return (
    <Suspense fallback={<NavList asOf={null} access={access} />}>
      <NavWithAsOf access={access} />
    </Suspense>
  );
}

function NavWithAsOf({ access }: { access: NavAccess }) {
  const searchParams = useSearchParams();
  return <NavList asOf={parseAsOfParam(searchParams.get(AS_OF_PARAM))} access={access} />;
}

function NavList({ asOf, access }: { asOf: string | null; access: NavAccess }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap items-center gap-1">
        {LINKS.filter((l) => visible(l.audience, access)).map((link) => {
          const { href, key, audience } = link;
          const active = isActive(pathname, href);
          // Edit, audit and alert pages are about now: they do not carry the as-of along.
          const carriesAsOf = audience === "all" && !("timeless" in link);
          return (
            <li key={href}>
              <Link
                href={asOf && carriesAsOf ? withAsOf(href, "", asOf) : href}
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
