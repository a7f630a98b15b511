// The layout's rules, checked on the source itself (README "Where things are"): imports point from features to
// core and never upward (nothing outside app/ imports from app/, nothing in server/, components/, lib/ or db/ from
// jobs/); pure rules import only other pure modules (no database, no network, no clock); files stay small.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "components", "server", "lib", "db", "jobs", "scripts", "i18n"];

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...walk(rel));
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(rel);
  }
  return out;
}

const files = SOURCE_DIRS.flatMap(walk);
const IMPORT = /(?:^|\n)\s*(?:import|export)[^"'\n;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Project-relative paths a file imports (aliases and relative specifiers resolved; packages as their name). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith("@/")) return spec.slice(2);
    if (spec.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    return `pkg:${spec}`;
  });
}

/** Modules that must stay pure: rules, constants, schemas, time, the extractor. */
const PURE = [
  /(^|\/|-)rules\.ts$/,
  /\/constants\.ts$/,
  /^server\/core\/(time|as-of|errors|schemas|read-access)\.(ts|js)$/,
  /^server\/[a-z-]+\/(?:[a-z-]+\/)?schemas(\/[a-z-]+)?\.ts$/,
  /^server\/news\/extract\//,
  // The duty rules' tables and note texts (server/products/duty-rules.ts reads them).
  /^server\/products\/(programmes|notes|labels)\.ts$/,
];
const isPure = (file: string) => PURE.some((re) => re.test(file));
const PURE_PACKAGES = new Set(["pkg:zod", "pkg:chrono-node"]);

describe("the layout", () => {
  it("nothing outside app/ imports from app/", () => {
    const upward = files.filter((f) => !f.startsWith("app/")).flatMap((f) => importsOf(f).filter((i) => i.startsWith("app/")).map((i) => `${f} → ${i}`));
    expect(upward).toEqual([]);
  });

  it("server/, components/, lib/ and db/ never import from jobs/ (features declare their jobs; jobs/ lists them)", () => {
    const upward = files
      .filter((f) => /^(server|components|lib|db)\//.test(f))
      .flatMap((f) => importsOf(f).filter((i) => i.startsWith("jobs/")).map((i) => `${f} → ${i}`));
    expect(upward).toEqual([]);
  });

  it("components/ never import a service's database code directly (pages fetch through tRPC)", () => {
    const direct = files
      .filter((f) => f.startsWith("components/"))
      .flatMap((f) => importsOf(f).filter((i) => /^(db\/client|server\/core\/db)/.test(i)).map((i) => `${f} → ${i}`));
    expect(direct).toEqual([]);
  });

  it("pure rules, constants and schemas import only other pure modules and zod", () => {
    const pure = files.filter(isPure);
    expect(pure.length).toBeGreaterThan(30);
    const impure = pure.flatMap((f) =>
      importsOf(f)
        .filter((i) => (i.startsWith("pkg:") ? !PURE_PACKAGES.has(i) : !isPure(resolveFile(i))))
        .map((i) => `${f} → ${i}`),
    );
    expect(impure).toEqual([]);
  });

  it("no source file is over 400 lines (db/schema.ts aside: drizzle-kit reads the schema from one file)", () => {
    const long = files
      .filter((f) => f !== "db/schema.ts")
      .map((f) => ({ f, lines: readFileSync(path.join(ROOT, f), "utf8").split("\n").length }))
      .filter(({ lines }) => lines > 400)
      .map(({ f, lines }) => `${f}: ${lines}`);
    expect(long).toEqual([]);
  });
});

function resolveFile(rel: string): string {
  for (const ext of ["", ".ts", ".tsx", ".js", "/index.ts"]) {
    try {
      if (statSync(path.join(ROOT, rel + ext)).isFile()) return rel + ext;
    } catch {
      // try the next extension
    }
  }
  return rel;
}
