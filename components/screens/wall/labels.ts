// The words a status screen shows, in both languages: the page passes them all, so a `config` event can switch the
// screen's language without a reload (the request's locale is the browser's, not the screen's).
import type en from "@/messages/en.json";
import type { Locale } from "@/server/core/constants";

type Messages = typeof en;
export type ScreenWords = Pick<Messages, "screen" | "sectors" | "measureStatus" | "budgetStatus" | "deadlineStatus">;
export type ScreenLabels = Record<Locale, ScreenWords>;

export function screenWords(messages: Messages): ScreenWords {
  const { screen, sectors, measureStatus, budgetStatus, deadlineStatus } = messages;
  return { screen, sectors, measureStatus, budgetStatus, deadlineStatus };
}
