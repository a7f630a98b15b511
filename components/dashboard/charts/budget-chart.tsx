"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { formatMoney, type DisplayLocale } from "@/lib/format";

export type BudgetBar = { key: string; title: string; amountKrw: number; status: "proposed" | "passed" | "executed" };

const STATUS_COLORS = { proposed: "var(--color-chart-3)", passed: "var(--color-chart-1)", executed: "var(--color-chart-2)" };

export function BudgetChart({ items, locale }: { items: BudgetBar[]; locale: DisplayLocale }) {
  const t = useTranslations();
  const rows = items.map((b) => ({ ...b, trillions: b.amountKrw / 1e12 }));
  return (
    <div className="h-64 w-full" role="img" aria-label={t("charts.supportBudgets")}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 256 }}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" />
          <XAxis type="number" unit={t("charts.trillionUnit")} stroke="var(--color-muted-foreground)" fontSize={12} />
          <YAxis type="category" dataKey="title" width={180} stroke="var(--color-muted-foreground)" fontSize={11} />
          <Tooltip
            formatter={(_v, _n, item) => {
              const row = item.payload as (typeof rows)[number];
              return [`${formatMoney(row.amountKrw, "KRW", locale)} · ${t(`budgetStatus.${row.status}`)}`, ""];
            }}
            contentStyle={{ background: "var(--color-popover)", color: "var(--color-popover-foreground)", borderColor: "var(--color-border)" }}
          />
          <Bar dataKey="trillions" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.key} fill={STATUS_COLORS[r.status]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
