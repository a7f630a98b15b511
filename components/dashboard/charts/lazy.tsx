"use client";
// The charts as the pages use them: nothing of Recharts is downloaded, parsed or rendered until a chart is about to
// scroll into view (200 px ahead). Until then a box of the chart's own size stands in, with the chart's name, so
// nothing moves when it arrives. On a phone the overview's charts are all below the fold: the first screen is
// drawn and usable without them (Lighthouse: the charts were most of the main thread's work).
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";
import type { BudgetChart } from "./budget-chart";
import type { KospiChart } from "./kospi-chart";

const box = (height: string) =>
  function ChartLoading() {
    return <div className={`${height} w-full`} aria-busy="true" />;
  };

const Kospi = dynamic(() => import("./kospi-chart").then((m) => m.KospiChart), { ssr: false, loading: box("h-80") });
const Budgets = dynamic(() => import("./budget-chart").then((m) => m.BudgetChart), { ssr: false, loading: box("h-64") });

function WhenVisible({ height, label, testId, children }: { height: string; label: string; testId?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return setVisible(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    }, { rootMargin: "200px 0px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // One element throughout (observed, and what tests and screen readers find), the stand-in or the chart inside it.
  return (
    <div ref={ref} className={`${height} w-full`} data-testid={testId}>
      {visible ? children : <div className="h-full w-full rounded-md bg-muted/30" role="img" aria-label={label} />}
    </div>
  );
}

export function LazyKospiChart(props: ComponentProps<typeof KospiChart>) {
  const t = useTranslations("charts");
  return (
    <WhenVisible height="h-80" label={t("kospiEvents")} testId="kospi-chart">
      <Kospi {...props} />
    </WhenVisible>
  );
}

export function LazyBudgetChart(props: ComponentProps<typeof BudgetChart>) {
  const t = useTranslations("charts");
  return (
    <WhenVisible height="h-64" label={t("supportBudgets")}>
      <Budgets {...props} />
    </WhenVisible>
  );
}
