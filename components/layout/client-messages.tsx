// Which messages reach the browser. The whole catalogue is ~37 KB of every page's RSC payload (and again in its
// HTML), so the root layout hands client components only the namespaces the public pages' client components use;
// the signed-in areas (editing, review, alerts, admin, screens) wrap their pages in <AllClientMessages> in their
// layout.tsx. tests/core/client-messages.test.ts walks the imports to keep both lists true.
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** Namespaces read by client components on /, /sectors, /sources and the shared header, error and 404 pages. */
export const PUBLIC_CLIENT_NAMESPACES = [
  "asOf",
  "auth",
  "budgetStatus",
  "charts",
  "countdown",
  "errors",
  "locale",
  "nav",
  "reaction",
  "theme",
] as const;

export async function PublicClientMessages({ children }: { children: ReactNode }) {
  const all = (await getMessages()) as Record<string, unknown>;
  const messages = Object.fromEntries(PUBLIC_CLIENT_NAMESPACES.filter((n) => n in all).map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={messages as never}>{children}</NextIntlClientProvider>;
}

/** Every message, for the areas whose forms and tables are client components. */
export function AllClientMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
