// Status screens: the configuration an editor gives a screen (panels, layout, theme, language, clocks, night
// dimming), and the inputs of the screens router. One schema for the router, the CLI and (later) the edit form.
import { z } from "zod";
import { LOCALES } from "@/server/core/constants";
import { SCREEN_CLOCKS, SCREEN_LAYOUTS, SCREEN_PANELS, SCREEN_THEMES } from "./constants";
import { KEY_RE, recordKey, text, zone } from "@/server/core/schemas";

export const MAX_SCREEN_PANELS = 10;
export const PANEL_SECONDS = { min: 5, max: 600, default: 20 } as const;
export const DIM_PERCENT = { min: 10, max: 90 } as const;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const wallTime = z.string().max(5).regex(HH_MM, "must be a time of day HH:MM, e.g. 22:00");

export const screenPanel = z.object({
  panel: z.enum(SCREEN_PANELS, { error: `must be one of ${SCREEN_PANELS.join(", ")}` }),
  /** How long the panel shows in a rotation (ignored by a grid). */
  durationSeconds: z
    .number()
    .int("must be a whole number of seconds")
    .min(PANEL_SECONDS.min, `must be at least ${PANEL_SECONDS.min} seconds`)
    .max(PANEL_SECONDS.max, `must be at most ${PANEL_SECONDS.max} seconds`)
    .default(PANEL_SECONDS.default),
});

/** Dim the screen between `from` and `to` (wall-clock in `zone`; may span midnight) to `dimPercent` brightness. */
export const nightSchedule = z
  .object({
    from: wallTime,
    to: wallTime,
    zone,
    dimPercent: z
      .number()
      .int("must be a whole percentage")
      .min(DIM_PERCENT.min, `must be at least ${DIM_PERCENT.min}%`)
      .max(DIM_PERCENT.max, `must be at most ${DIM_PERCENT.max}%`),
  })
  .refine((n) => n.from !== n.to, { path: ["to"], message: "must differ from the start of the night" });

export const screenConfig = z.object({
  name: text(100),
  panels: z
    .array(screenPanel)
    .min(1, "choose at least one panel")
    .max(MAX_SCREEN_PANELS, `at most ${MAX_SCREEN_PANELS} panels`)
    .refine((ps) => new Set(ps.map((p) => p.panel)).size === ps.length, "each panel may appear only once"),
  layout: z.enum(SCREEN_LAYOUTS, { error: `must be one of ${SCREEN_LAYOUTS.join(", ")}` }).default("grid"),
  theme: z.enum(SCREEN_THEMES, { error: `must be one of ${SCREEN_THEMES.join(", ")}` }).default("dark"),
  language: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` }).default("en"),
  clocks: z
    .array(z.enum(SCREEN_CLOCKS, { error: `must be one of ${SCREEN_CLOCKS.join(", ")}` }))
    .max(SCREEN_CLOCKS.length)
    .refine((cs) => new Set(cs).size === cs.length, "each clock may appear only once")
    .default([...SCREEN_CLOCKS]),
  night: nightSchedule.nullish().transform((n) => n ?? null),
  /** The watchlist the "products" panel shows ("our products"). */
  watchlist: z
    .string()
    .regex(/^wl-[0-9a-f]{16}$/, "must be a watchlist key such as wl-0123456789abcdef (from the watchlist's page)")
    .nullish()
    .transform((w) => w ?? null),
}).refine((c) => !c.panels.some((p) => p.panel === "products") || c.watchlist, { path: ["watchlist"], message: "the products panel needs a watchlist: give its key" });
export type ScreenConfig = z.output<typeof screenConfig>;
export type ScreenConfigInput = z.input<typeof screenConfig>;

/** A screen's key: the slug of its name ("War room Seoul" → "war-room-seoul"). */
export const screenKey = recordKey;

/** A slug of a name in the shape of record keys; "" when nothing usable is left (e.g. only Hangul). */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return KEY_RE.test(slug) ? slug : "";
}

const int4 = (field: string) => z.number().int(`${field} must be a whole number`).positive().max(2_147_483_647);

export const createScreenInput = screenConfig.extend({
  /** Defaults to the slug of the name. */
  key: screenKey.optional(),
});
export const updateScreenInput = z.object({ key: screenKey, config: screenConfig });
export const screenKeyInput = z.object({ key: screenKey });
export const addDeviceInput = z.object({ key: screenKey, label: text(100) });
export const deviceIdInput = z.object({ deviceId: int4("deviceId") });
/** A pairing code as typed on a TV remote: case and separators do not matter ("k7m42q" = "K7M-42Q"). */
export const pairInput = z.object({ code: z.string().min(1, "type the code shown to the editor").max(20, "is not a pairing code") });
