"use client";

import { Suspense, useEffect, useId, useRef, useState, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { AS_OF_MIN, AS_OF_PARAM, isCalendarDate, parseAsOfParam, todayIn, withAsOf } from "@/lib/as-of";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

interface AsOfControlProps {
  /** The as-of date the page rendered (from its searchParams); read from the URL when omitted. */
  value?: string | null;
  /** Today in Asia/Seoul (YYYY-MM-DD); pass the page's own to keep server and client identical at midnight. */
  today?: string;
  className?: string;
}

/**
 * Date picker keeping `?asOf=YYYY-MM-DD` in the URL (path and other params preserved) plus a "Today" reset.
 * Render it in a page's header area: the root layout cannot read searchParams.
 */
export function AsOfControl(props: AsOfControlProps) {
  return (
    <Suspense fallback={<AsOfForm {...props} value={props.value ?? null} plain />}>
      <AsOfControlWithUrl {...props} />
    </Suspense>
  );
}

function AsOfControlWithUrl({ value, today, className }: AsOfControlProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const todayDate = today ?? todayIn(new Date());
  const current = value !== undefined ? value : parseAsOfParam(searchParams.get(AS_OF_PARAM), todayDate);

  const navigate = (date: string | null) => {
    const next = date === todayDate ? null : date;
    if (next === current) return;
    startTransition(() => {
      router.push(withAsOf(pathname, searchParams.toString(), next), { scroll: false });
    });
  };

  return (
    <AsOfForm
      value={current}
      today={todayDate}
      className={className}
      pending={pending}
      onDate={navigate}
    />
  );
}

const dateInputClass =
  "h-9 rounded-md border border-input bg-background px-2 text-sm text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/**
 * The typed date: controlled, and re-synced when the URL's date changes, without remounting (keyboard focus stays
 * put). A complete date in range navigates after a short pause; "Today" goes back to live at once.
 */
function useDateDraft(shown: string, today: string | undefined, onDate?: (date: string | null) => void) {
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(debounce.current), []);
  const [draft, setDraft] = useState(shown);
  const [synced, setSynced] = useState(shown);
  if (synced !== shown) {
    setSynced(shown);
    setDraft(shown);
  }

  const change = (raw: string) => {
    setDraft(raw);
    clearTimeout(debounce.current);
    // Browsers report partial keyboard entry as odd years (e.g. 0202-07-08): ignore anything out of range.
    if (!isCalendarDate(raw) || raw < AS_OF_MIN || (today && raw > today)) return;
    // Coalesce quick arrow-key stepping into one navigation.
    debounce.current = setTimeout(() => onDate?.(raw), 350);
  };
  const backToToday = () => {
    clearTimeout(debounce.current);
    setDraft(today ?? "");
    onDate?.(null);
  };
  return { draft, change, backToToday };
}

function AsOfForm({
  value,
  today,
  className,
  plain,
  pending,
  onDate,
}: {
  value: string | null;
  today?: string;
  className?: string;
  /** Before hydration (or without JavaScript): a plain GET form that submits ?asOf=. */
  plain?: boolean;
  pending?: boolean;
  onDate?: (date: string | null) => void;
}) {
  const t = useTranslations("asOf");
  const id = useId();
  const inputId = `as-of-${id}`;
  const hintId = `${inputId}-hint`;
  const shown = value ?? today ?? "";
  const live = value === null;
  const { draft, change, backToToday } = useDateDraft(shown, today, onDate);
  const input = { id: inputId, type: "date", name: AS_OF_PARAM, min: AS_OF_MIN, max: today, "aria-describedby": hintId, className: dateInputClass };

  return (
    <form
      method="get"
      className={cn("flex flex-wrap items-center gap-2", className)}
      aria-busy={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        if (isCalendarDate(draft)) onDate?.(draft);
      }}
    >
      <label htmlFor={inputId} className="text-sm font-medium">
        {t("label")}
      </label>
      {plain ? <input {...input} defaultValue={shown} /> : <input {...input} value={draft} onChange={(e) => change(e.currentTarget.value)} />}
      {plain && (
        <Button variant="outline" size="md" type="submit">
          {t("show")}
        </Button>
      )}
      <Button
        variant="outline"
        size="md"
        type={plain ? "submit" : "button"}
        name={plain ? AS_OF_PARAM : undefined}
        value={plain ? "" : undefined}
        disabled={!plain && live && draft === shown}
        title={t("todayHint")}
        onClick={plain ? undefined : backToToday}
      >
        {t("today")}
      </Button>
      <Badge tone={live ? "success" : "warning"}>{live ? t("live") : t("historical")}</Badge>
      <span id={hintId} className="sr-only">
        {t("hint")}
      </span>
    </form>
  );
}
