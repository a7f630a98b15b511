// The self-hosted Korean web font's stylesheet (scripts/font-css.mjs writes it at install time). Linked by the
// Korean UI and the status screens only: English pages show no Hangul worth a download.
export const KOREAN_FONT_VERSION = "5.3.0";
export const KOREAN_FONT_CSS = `/fonts/noto-sans-kr-${KOREAN_FONT_VERSION}/font.css`;
