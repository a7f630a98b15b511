// The watchlist forms' words, from the messages (the forms are client islands without a message catalogue).
import { getTranslations } from "@/i18n/translations";
import type { WatchlistFormLabels } from "@/components/products/watchlist-form";
import type { SubscribeLabels } from "@/components/products/watchlist-subscribe";

export async function formLabels(): Promise<WatchlistFormLabels> {
  const t = await getTranslations("products.watchlists");
  return { name: t("name"), shared: t("sharedLabel"), lines: t("lines"), linesHint: t("linesHint"), create: t("create"), save: t("save"), saved: t("saved"), rowProblem: t.raw("rowProblem") as string };
}

export async function subscribeLabels(): Promise<SubscribeLabels> {
  const t = await getTranslations("products.watchlists");
  return { email: t("email"), offsets: t("offsets"), offsetsHint: t("offsetsHint"), submit: t("subscribe"), checkInbox: t("checkInbox"), subscribed: t("subscribed") };
}
