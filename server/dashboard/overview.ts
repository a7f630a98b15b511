// The overview: everything the first screen shows, bounded in size whatever the data volume.
import type { Db } from "@/db/client";
import { upcomingDeadlinesAsOf, type DeadlineView } from "./deadlines";
import { lastClose, type LastClose } from "@/server/market/series";
import { latestTradeBalance, listBudgets, type FigureView, type SupportSummary } from "./support";
import { getTariffBoard, type TariffTile } from "./tariffs";

export type Overview = {
  at: Date;
  tariffs: TariffTile[];
  nextDeadline: DeadlineView | null;
  market: LastClose | null;
  support: SupportSummary;
  tradeBalance: FigureView | null;
};

export const OVERVIEW_LIMITS = { budgets: 20 } as const;

export async function getOverview(db: Db, at: Date): Promise<Overview> {
  const [tariffs, upcoming, market, support, tradeBalance] = await Promise.all([
    getTariffBoard(db, at),
    upcomingDeadlinesAsOf(db, at, 1),
    lastClose(db, "kospi", at),
    listBudgets(db, at, undefined, OVERVIEW_LIMITS.budgets),
    latestTradeBalance(db, at),
  ]);
  return {
    at,
    tariffs,
    nextDeadline: upcoming[0] ?? null,
    market,
    support,
    tradeBalance,
  };
}
