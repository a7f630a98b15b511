"use client";
// The screen form's groups: panels with their rotation seconds, clocks, and night dimming.
import { useTranslations } from "next-intl";
import { describedBy, Field, FieldErrors, inputClass } from "@/components/ui/field";
import { ZoneList } from "@/components/ui/time-zones";
import { cn } from "@/lib/cn";
import { SCREEN_CLOCKS, SCREEN_PANELS } from "@/server/screens/constants";
import { DIM_PERCENT, PANEL_SECONDS } from "@/server/screens/schemas";
import { toggled, type ScreenDraft, type useScreenDraft } from "./screen-draft";

export type DraftProps = { idPrefix: string; draft: ScreenDraft; set: ReturnType<typeof useScreenDraft>["set"]; errors: Record<string, string[]> };

const fieldset = "grid gap-2 rounded-md border border-border p-3";
const legend = "px-1 text-xs font-medium";

/** Which panels, and (in rotation) how long each shows; errors about the panels as a whole below them. */
export function PanelsFieldset({ idPrefix, draft, set, errors }: DraftProps) {
  const t = useTranslations("screens");
  const hintId = `${idPrefix}-panels-hint`;
  const errorId = `${idPrefix}-panels-error`;
  return (
    <fieldset className={fieldset} {...describedBy({ errors: errors.panels, errorId, hintId })}>
      <legend className={legend}>{t("panels")}</legend>
      <p id={hintId} className="text-xs text-muted-foreground">
        {t("panelsHint", { min: PANEL_SECONDS.min, max: PANEL_SECONDS.max })}
      </p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {SCREEN_PANELS.map((panel) => {
          const on = draft.chosen.includes(panel);
          return (
            <li key={panel} className="flex flex-wrap items-center gap-2">
              <label className="flex min-w-36 items-center gap-2 text-sm">
                <input type="checkbox" name="panels" value={panel} checked={on} onChange={(e) => set((d) => ({ chosen: toggled(d.chosen, panel, e.target.checked) }))} />
                {t(`panel.${panel}`)}
              </label>
              <label htmlFor={`${idPrefix}-seconds-${panel}`} className="sr-only">
                {t("secondsFor", { panel: t(`panel.${panel}`) })}
              </label>
              <input
                id={`${idPrefix}-seconds-${panel}`}
                inputMode="numeric"
                value={draft.seconds[panel]}
                disabled={!on || draft.layout !== "rotation"}
                onChange={(e) => set((d) => ({ seconds: { ...d.seconds, [panel]: e.target.value } }))}
                className={cn(inputClass, "w-20")}
              />
              <span className="text-xs text-muted-foreground" aria-hidden="true">
                {t("seconds")}
              </span>
            </li>
          );
        })}
      </ul>
      <FieldErrors id={errorId} errors={errors.panels} />
      {draft.chosen.includes("products") ? (
        <Field id={`${idPrefix}-watchlist`} label={t("watchlist")} hint={t("watchlistHint")} errors={errors.watchlist}>
          {(control) => <input {...control} value={draft.watchlist} onChange={(e) => set({ watchlist: e.target.value })} maxLength={40} placeholder="wl-…" className={cn(inputClass, "font-mono sm:max-w-xs")} />}
        </Field>
      ) : null}
    </fieldset>
  );
}

export function ClocksFieldset({ idPrefix, draft, set, errors }: DraftProps) {
  const t = useTranslations("screens");
  return (
    <fieldset className={fieldset}>
      <legend className={legend}>{t("clocks")}</legend>
      <div className="flex flex-wrap gap-4">
        {SCREEN_CLOCKS.map((clock) => (
          <label key={clock} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="clocks" value={clock} checked={draft.clocks.includes(clock)} onChange={(e) => set((d) => ({ clocks: toggled(d.clocks, clock, e.target.checked) }))} />
            {t(`clock.${clock}`)}
          </label>
        ))}
      </div>
      <FieldErrors id={`${idPrefix}-clocks-error`} errors={errors.clocks} />
    </fieldset>
  );
}

const NIGHT_PARTS = ["from", "to", "zone", "dimPercent"] as const;

/** Dimming at night: from, to, in which zone, how bright; one error line for the group (each names its part). */
export function NightFieldset({ idPrefix, draft, set, errors }: DraftProps) {
  const t = useTranslations("screens");
  const errorId = `${idPrefix}-night-error`;
  return (
    <fieldset className={fieldset}>
      <legend className={legend}>{t("night")}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={draft.nightOn} onChange={(e) => set({ nightOn: e.target.checked })} />
        {t("nightOn")}
      </label>
      {draft.nightOn ? (
        <div className="grid gap-3 sm:grid-cols-4">
          {NIGHT_PARTS.map((part) => (
            <div key={part} className="grid content-start gap-1">
              <label htmlFor={`${idPrefix}-night-${part}`} className="text-xs font-medium">
                {t(`nightPart.${part}`, { min: DIM_PERCENT.min, max: DIM_PERCENT.max })}
              </label>
              <input
                id={`${idPrefix}-night-${part}`}
                list={part === "zone" ? `${idPrefix}-zones` : undefined}
                inputMode={part === "dimPercent" ? "numeric" : undefined}
                placeholder={part === "from" || part === "to" ? "HH:MM" : undefined}
                maxLength={part === "zone" ? 64 : 5}
                value={draft.night[part]}
                onChange={(e) => set((d) => ({ night: { ...d.night, [part]: e.target.value } }))}
                className={inputClass}
                {...describedBy({ errors: errors.night, errorId })}
              />
            </div>
          ))}
          <ZoneList id={`${idPrefix}-zones`} />
        </div>
      ) : null}
      <FieldErrors id={errorId} errors={errors.night} />
    </fieldset>
  );
}
