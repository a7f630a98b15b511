// The overview: everything the first screen shows, bounded in size whatever the data volume.
import type { Db } from "@/db/client";
import { conflictsFor, type ConflictRef } from "./citations";
import { upcomingDeadlinesAsOf, type DeadlineView } from "./deadlines";
import { lastClose, type LastClose } from "./market";
import { latestTradeBalance, listBudgets, type FigureView, type SupportSummary } from "./support";
import { getTariffBoard, type TariffTile } from "./tariffs";

export type Overview = {
  at: Date;
  tariffs: TariffTile[];
  nextDeadline: DeadlineView | null;
  upcomingDeadlines: DeadlineView[];
  market: LastClose | null;
  support: SupportSummary;
  tradeBalance: FigureView | null;
  openConflicts: number;
};

export const OVERVIEW_LIMITS = { upcomingDeadlines: 5, budgets: 20 } as const;

export async function getOverview(db: Db, at: Date): Promise<Overview> {
  const [tariffs, upcoming, market, support, tradeBalance, conflicts] = await Promise.all([
    getTariffBoard(db, at),
    upcomingDeadlinesAsOf(db, at, OVERVIEW_LIMITS.upcomingDeadlines),
    lastClose(db, "kospi", at),
    listBudgets(db, at),
    latestTradeBalance(db, at),
    conflictsFor(db, null, null, at),
  ]);
  return {
    at,
    tariffs,
    nextDeadline: upcoming[0] ?? null,
    upcomingDeadlines: upcoming,
    market,
    support: { ...support, items: support.items.slice(0, OVERVIEW_LIMITS.budgets) },
    tradeBalance,
    openConflicts: conflicts.filter((c: ConflictRef) => c.status === "open").length,
  };
}
