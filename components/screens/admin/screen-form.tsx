"use client";
// A screen's configuration form (new screen and edit): panels with their rotation seconds, layout, theme, language,
// clocks and optional night dimming, checked with the shared schema before sending; server errors on their fields.
// Saving an existing screen bumps its config version, which open screens receive as a `config` event.
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { COMMON_ZONES } from "@/components/alerts/zones";
import { FieldErrors, inputClass } from "@/components/records/field-input";
import { FormStatus } from "@/components/records/record-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { problemFrom, problemFromIssues, trpc, type FormProblem } from "@/lib/trpc-client";
import { LOCALES, type Locale } from "@/server/core/constants";
import { SCREEN_CLOCKS, SCREEN_LAYOUTS, SCREEN_PANELS, SCREEN_THEMES, type ScreenClock, type ScreenLayout, type ScreenPanel, type ScreenTheme } from "@/server/screens/constants";
import { createScreenInput, DIM_PERCENT, PANEL_SECONDS, screenConfig, type ScreenConfig } from "@/server/screens/schemas";

type NightDraft = { from: string; to: string; zone: string; dimPercent: string };

const DEFAULT_NIGHT: NightDraft = { from: "22:00", to: "07:00", zone: "Asia/Seoul", dimPercent: "30" };

/** A number typed in a text box: NaN for anything else, so the schema reports it on its field. */
const numberOf = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

export function ScreenForm({ mode, screenKey, initial }: { mode: "create" | "update"; screenKey?: string; initial?: ScreenConfig }) {
  const t = useTranslations("screens");
  const tLocale = useTranslations("locale");
  const router = useRouter();
  const idPrefix = `screen-${mode}`;
  const [name, setName] = useState(initial?.name ?? "");
  const [chosen, setChosen] = useState<ScreenPanel[]>(initial?.panels.map((p) => p.panel) ?? []);
  const [seconds, setSeconds] = useState<Record<ScreenPanel, string>>(() => {
    const all = Object.fromEntries(SCREEN_PANELS.map((p) => [p, String(PANEL_SECONDS.default)])) as Record<ScreenPanel, string>;
    for (const p of initial?.panels ?? []) all[p.panel] = String(p.durationSeconds);
    return all;
  });
  const [layout, setLayout] = useState<ScreenLayout>(initial?.layout ?? "grid");
  const [theme, setTheme] = useState<ScreenTheme>(initial?.theme ?? "dark");
  const [language, setLanguage] = useState<Locale>(initial?.language ?? "en");
  const [clocks, setClocks] = useState<ScreenClock[]>(initial?.clocks ?? [...SCREEN_CLOCKS]);
  const [nightOn, setNightOn] = useState(!!initial?.night);
  const [night, setNight] = useState<NightDraft>(
    initial?.night ? { ...initial.night, dimPercent: String(initial.night.dimPercent) } : DEFAULT_NIGHT,
  );
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  function buildConfig() {
    return {
      name: name.trim(),
      // In the order of SCREEN_PANELS, so a rotation is predictable.
      panels: SCREEN_PANELS.filter((p) => chosen.includes(p)).map((panel) => ({ panel, durationSeconds: numberOf(seconds[panel]) })),
      layout,
      theme,
      language,
      clocks: SCREEN_CLOCKS.filter((c) => clocks.includes(c)),
      night: nightOn ? { from: night.from.trim(), to: night.to.trim(), zone: night.zone.trim(), dimPercent: numberOf(night.dimPercent) } : null,
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const config = buildConfig();
    const checked = (mode === "create" ? createScreenInput : screenConfig).safeParse(config);
    if (!checked.success) {
      setProblem(problemFromIssues(checked.error.issues.map((issue) => ({ ...issue, message: `${where(issue.path, config.panels)}${issue.message}` }))));
      statusRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      if (mode === "create") {
        const screen = await trpc.screens.create.mutate(config);
        setProblem(null);
        router.push(`/screens/${screen.key}?created=1`);
      } else {
        await trpc.screens.update.mutate({ key: screenKey!, config });
        setProblem(null);
        setSaved(t("savedPushed"));
        router.refresh();
      }
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setPending(false);
      statusRef.current?.focus();
    }
  }

  /** Which panel or night field an issue is about, since errors are shown per group. */
  function where(path: readonly PropertyKey[], panels: { panel: ScreenPanel }[]): string {
    if (path[0] === "panels" && typeof path[1] === "number" && panels[path[1]]) return `${t(`panel.${panels[path[1]]!.panel}`)}: `;
    if (path[0] === "night" && typeof path[1] === "string" && ["from", "to", "zone", "dimPercent"].includes(path[1])) {
      return `${t(`nightPart.${path[1] as "from"}`, { min: DIM_PERCENT.min, max: DIM_PERCENT.max })}: `;
    }
    return "";
  }

  const errors = problem?.fields ?? {};
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));
  const label = "text-xs font-medium";
  const fieldset = "grid gap-2 rounded-md border border-border p-3";
  const legend = "px-1 text-xs font-medium";
  const describe = (field: string) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${idPrefix}-${field}-error` } : {});

  return (
    <form onSubmit={submit} noValidate aria-busy={pending} aria-label={mode === "create" ? t("newTitle") : t("editTitle")} className="grid gap-4">
      <div className="grid gap-1 sm:max-w-md">
        <label htmlFor={`${idPrefix}-name`} className={label}>
          {t("name")}
        </label>
        <input id={`${idPrefix}-name`} name="name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} {...describe("name")} />
        {mode === "create" ? <p className="text-xs text-muted-foreground">{t("nameHint")}</p> : null}
        <FieldErrors id={`${idPrefix}-name-error`} errors={errors.name ?? errors.key} />
      </div>

      <fieldset className={fieldset} aria-describedby={errors.panels ? `${idPrefix}-panels-error` : `${idPrefix}-panels-hint`} aria-invalid={errors.panels ? true : undefined}>
        <legend className={legend}>{t("panels")}</legend>
        <p id={`${idPrefix}-panels-hint`} className="text-xs text-muted-foreground">
          {t("panelsHint", { min: PANEL_SECONDS.min, max: PANEL_SECONDS.max })}
        </p>
        <ul className="grid gap-2 sm:grid-cols-2">
          {SCREEN_PANELS.map((panel) => {
            const on = chosen.includes(panel);
            return (
              <li key={panel} className="flex flex-wrap items-center gap-2">
                <label className="flex min-w-36 items-center gap-2 text-sm">
                  <input type="checkbox" name="panels" value={panel} checked={on} onChange={(e) => setChosen((prev) => toggle(prev, panel, e.target.checked))} />
                  {t(`panel.${panel}`)}
                </label>
                <label htmlFor={`${idPrefix}-seconds-${panel}`} className="sr-only">
                  {t("secondsFor", { panel: t(`panel.${panel}`) })}
                </label>
                <input
                  id={`${idPrefix}-seconds-${panel}`}
                  inputMode="numeric"
                  value={seconds[panel]}
                  disabled={!on || layout !== "rotation"}
                  onChange={(e) => setSeconds((prev) => ({ ...prev, [panel]: e.target.value }))}
                  className={cn(inputClass, "w-20")}
                />
                <span className="text-xs text-muted-foreground" aria-hidden="true">
                  {t("seconds")}
                </span>
              </li>
            );
          })}
        </ul>
        <FieldErrors id={`${idPrefix}-panels-error`} errors={errors.panels} />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        <div className="grid content-start gap-1">
          <label htmlFor={`${idPrefix}-layout`} className={label}>
            {t("layout")}
          </label>
          <select id={`${idPrefix}-layout`} value={layout} onChange={(e) => setLayout(e.target.value as ScreenLayout)} className={inputClass} {...describe("layout")}>
            {SCREEN_LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {t(`layoutName.${l}`)}
              </option>
            ))}
          </select>
          <FieldErrors id={`${idPrefix}-layout-error`} errors={errors.layout} />
        </div>
        <div className="grid content-start gap-1">
          <label htmlFor={`${idPrefix}-theme`} className={label}>
            {t("theme")}
          </label>
          <select id={`${idPrefix}-theme`} value={theme} onChange={(e) => setTheme(e.target.value as ScreenTheme)} className={inputClass} {...describe("theme")}>
            {SCREEN_THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`themeName.${th}`)}
              </option>
            ))}
          </select>
          <FieldErrors id={`${idPrefix}-theme-error`} errors={errors.theme} />
        </div>
        <div className="grid content-start gap-1">
          <label htmlFor={`${idPrefix}-language`} className={label}>
            {t("language")}
          </label>
          <select id={`${idPrefix}-language`} value={language} onChange={(e) => setLanguage(e.target.value as Locale)} className={inputClass} {...describe("language")}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {tLocale(l)}
              </option>
            ))}
          </select>
          <FieldErrors id={`${idPrefix}-language-error`} errors={errors.language} />
        </div>
      </div>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("clocks")}</legend>
        <div className="flex flex-wrap gap-4">
          {SCREEN_CLOCKS.map((clock) => (
            <label key={clock} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="clocks" value={clock} checked={clocks.includes(clock)} onChange={(e) => setClocks((prev) => toggle(prev, clock, e.target.checked))} />
              {t(`clock.${clock}`)}
            </label>
          ))}
        </div>
        <FieldErrors id={`${idPrefix}-clocks-error`} errors={errors.clocks} />
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("night")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={nightOn} onChange={(e) => setNightOn(e.target.checked)} />
          {t("nightOn")}
        </label>
        {nightOn ? (
          <div className="grid gap-3 sm:grid-cols-4">
            {(["from", "to", "zone", "dimPercent"] as const).map((part) => (
              <div key={part} className="grid content-start gap-1">
                <label htmlFor={`${idPrefix}-night-${part}`} className={label}>
                  {t(`nightPart.${part}`, { min: DIM_PERCENT.min, max: DIM_PERCENT.max })}
                </label>
                <input
                  id={`${idPrefix}-night-${part}`}
                  list={part === "zone" ? `${idPrefix}-zones` : undefined}
                  inputMode={part === "dimPercent" ? "numeric" : undefined}
                  placeholder={part === "from" || part === "to" ? "HH:MM" : undefined}
                  maxLength={part === "zone" ? 64 : 5}
                  value={night[part]}
                  onChange={(e) => setNight((prev) => ({ ...prev, [part]: e.target.value }))}
                  className={inputClass}
                  {...describe("night")}
                />
              </div>
            ))}
            <datalist id={`${idPrefix}-zones`}>
              {COMMON_ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
        ) : null}
        <FieldErrors id={`${idPrefix}-night-error`} errors={errors.night} />
      </fieldset>

      {mode === "update" ? <p className="text-xs text-muted-foreground">{t("pushHint")}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : mode === "create" ? t("create") : t("save")}
        </Button>
        <div ref={statusRef} tabIndex={-1} className="outline-none">
          <FormStatus problem={problem} saved={saved} />
        </div>
      </div>
    </form>
  );
}
