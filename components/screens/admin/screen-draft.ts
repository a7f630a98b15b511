"use client";
// A screen configuration as the form holds it (numbers as typed) and as the schema takes it.
import { useState } from "react";
import type { Locale } from "@/server/core/constants";
import { SCREEN_CLOCKS, SCREEN_PANELS, type ScreenClock, type ScreenLayout, type ScreenPanel, type ScreenTheme } from "@/server/screens/constants";
import { PANEL_SECONDS, type ScreenConfig } from "@/server/screens/schemas";

export type NightDraft = { from: string; to: string; zone: string; dimPercent: string };

export type ScreenDraft = {
  name: string;
  chosen: ScreenPanel[];
  seconds: Record<ScreenPanel, string>;
  layout: ScreenLayout;
  theme: ScreenTheme;
  language: Locale;
  clocks: ScreenClock[];
  nightOn: boolean;
  night: NightDraft;
  /** The key of the watchlist the products panel shows. */
  watchlist: string;
};

const DEFAULT_NIGHT: NightDraft = { from: "22:00", to: "07:00", zone: "Asia/Seoul", dimPercent: "30" };

/** A number typed in a text box: NaN for anything else, so the schema reports it on its field. */
const numberOf = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

function draftOf(initial?: ScreenConfig): ScreenDraft {
  const seconds = Object.fromEntries(SCREEN_PANELS.map((p) => [p, String(PANEL_SECONDS.default)])) as Record<ScreenPanel, string>;
  for (const p of initial?.panels ?? []) seconds[p.panel] = String(p.durationSeconds);
  return {
    name: initial?.name ?? "",
    chosen: initial?.panels.map((p) => p.panel) ?? [],
    seconds,
    layout: initial?.layout ?? "grid",
    theme: initial?.theme ?? "dark",
    language: initial?.language ?? "en",
    clocks: initial?.clocks ?? [...SCREEN_CLOCKS],
    nightOn: !!initial?.night,
    night: initial?.night ? { ...initial.night, dimPercent: String(initial.night.dimPercent) } : DEFAULT_NIGHT,
    watchlist: initial?.watchlist ?? "",
  };
}

/** The draft in the shape of `screenConfig`. */
export function configOf(d: ScreenDraft) {
  return {
    name: d.name.trim(),
    // In the order of SCREEN_PANELS, so a rotation is predictable.
    panels: SCREEN_PANELS.filter((p) => d.chosen.includes(p)).map((panel) => ({ panel, durationSeconds: numberOf(d.seconds[panel]) })),
    layout: d.layout,
    theme: d.theme,
    language: d.language,
    clocks: SCREEN_CLOCKS.filter((c) => d.clocks.includes(c)),
    night: d.nightOn ? { from: d.night.from.trim(), to: d.night.to.trim(), zone: d.night.zone.trim(), dimPercent: numberOf(d.night.dimPercent) } : null,
    watchlist: d.chosen.includes("products") ? d.watchlist.trim() || null : null,
  };
}

/** `item` in or out of `list` (added at the end). */
export const toggled = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

export function useScreenDraft(initial?: ScreenConfig) {
  const [draft, setDraft] = useState(() => draftOf(initial));
  const set = (patch: Partial<ScreenDraft> | ((d: ScreenDraft) => Partial<ScreenDraft>)) =>
    setDraft((prev) => ({ ...prev, ...(typeof patch === "function" ? patch(prev) : patch) }));
  return { draft, set };
}
