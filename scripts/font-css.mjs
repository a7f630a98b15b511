// Self-hosted Korean web font for screens and browsers without Hangul fonts (a wall TV, a bare Linux browser):
// copies @fontsource/noto-sans-kr's 400-weight woff2 subsets (Hangul split by unicode-range, so a page downloads
// only the pieces it shows) to public/fonts/noto-sans-kr-<version>/ with a stylesheet of their @font-face rules
// (woff2 only; bold is synthesised). The path carries the version, so the files are cached for a year
// (next.config.js). Run by `npm install` (postinstall) and by `npm start` when missing; lib/korean-font.ts names it.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = path.join(root, "node_modules/@fontsource/noto-sans-kr");

export const fontVersion = () => JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8")).version;
export const fontDir = () => path.join(root, "public/fonts", `noto-sans-kr-${fontVersion()}`);

export function writeFont() {
  const dir = fontDir();
  rmSync(path.join(root, "public/fonts"), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(path.join(pkg, "files"))) if (f.endsWith("-400-normal.woff2")) copyFileSync(path.join(pkg, "files", f), path.join(dir, f));
  const css = readFileSync(path.join(pkg, "400.css"), "utf8")
    .replace(/\/\*[^*]*\*\/\n/g, "")
    .replace(/, url\([^)]*\.woff\) format\('woff'\)/g, "")
    .replaceAll("url(./files/", "url(./");
  writeFileSync(path.join(dir, "font.css"), `/* Noto Sans KR 400, @fontsource/noto-sans-kr ${fontVersion()} (SIL Open Font License 1.1) */\n${css.trim()}\n`);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(pkg)) console.log("[tradewatch] @fontsource/noto-sans-kr not installed: Korean web font skipped");
  else console.log(`[tradewatch] Korean web font in ${path.relative(root, writeFont())}`);
}
