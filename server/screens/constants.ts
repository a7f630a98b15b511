// Status screens enums and limits: the one source for its Drizzle pgEnums, zod schemas and UI labels.
/** What a status screen (a TV on a wall) can show: one panel each. */
export const SCREEN_PANELS = ["deadlines", "tariffs", "market", "support", "changes", "products"] as const;
export type ScreenPanel = (typeof SCREEN_PANELS)[number];

/** All panels at once in a grid, or one after another, each for its own duration. */
export const SCREEN_LAYOUTS = ["grid", "rotation"] as const;
export type ScreenLayout = (typeof SCREEN_LAYOUTS)[number];

export const SCREEN_THEMES = ["dark", "light"] as const;
export type ScreenTheme = (typeof SCREEN_THEMES)[number];

/** The clocks a screen can show, by the DISPLAY_ZONES name. */
export const SCREEN_CLOCKS = ["washington", "seoul"] as const;
export type ScreenClock = (typeof SCREEN_CLOCKS)[number];

/** How a deadline looks on a screen at a glance: amber within 7 days, red within 1 day, then what happened. */
export const DEADLINE_GLANCE_STATES = ["normal", "amber", "red", "passed"] as const;
export type DeadlineGlanceState = (typeof DEADLINE_GLANCE_STATES)[number];

/** `screens.list`: the most screens there can be (creating another is refused), so the list is bounded by design. */
export const MAX_SCREENS = 200;
/** `screens.get`: the most devices listed for a screen, active ones first (revoked ones pile up over the years). */
export const MAX_LISTED_DEVICES = 200;
