// What a subscription follows, in words: "Sector: Autos", "Deadline: reciprocal-kr-aug1". Shared by the manage page
// and the admin page; takes the root translator (server or client).
import type { SubscriptionScope } from "@/server/alerts/constants";

type Translate = (key: string, values?: Record<string, string>) => string;

export function followsLabel(translate: unknown, scope: SubscriptionScope, scopeValue: string): string {
  const t = translate as Translate;
  const value =
    scope === "sector" ? t(`sectors.${scopeValue}`) : scope === "kind" ? t(`deadlineKind.${scopeValue}`) : scopeValue;
  return t(`alerts.followsValue.${scope}`, { value });
}
