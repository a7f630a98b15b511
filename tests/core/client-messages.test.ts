// Which messages reach the browser (components/layout/client-messages.tsx): the public pages get only the
// namespaces their client components read. Walks the imports from the public routes, marks everything under a
// "use client" file as client code, and collects the namespaces those files translate with; every other area
// must hand its client components the whole catalogue in its layout.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLIC_CLIENT_NAMESPACES } from "@/components/layout/client-messages";

const ROOT = path.resolve(__dirname, "../..");
const PUBLIC_ENTRIES = ["app/layout.tsx", "app/page.tsx", "app/error.tsx", "app/not-found.tsx", "app/sectors/page.tsx", "app/sectors/[sector]/page.tsx", "app/sources/page.tsx", "app/products/page.tsx", "app/products/[hts]/page.tsx", "app/products/parts/page.tsx"];
const PUBLIC_SEGMENTS = new Set(["sectors", "sources", "products"]);

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Namespaces a file translates with: useTranslations("ns…"), and t("ns.key") where t = useTranslations(). */
function namespacesOf(source: string): string[] {
  const out = [...source.matchAll(/useTranslations\(\s*["'`]([A-Za-z]+)/g)].map((m) => m[1]!);
  for (const [, name] of source.matchAll(/const (\w+) = useTranslations\(\)/g)) {
    for (const m of source.matchAll(new RegExp(`\\b${name}\\(\\s*["'\`]([A-Za-z]+)\\.`, "g"))) out.push(m[1]!);
  }
  return out;
}

function clientNamespaces(entries: string[]): Set<string> {
  const seen = new Map<string, boolean>();
  const found = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const source = readFileSync(file, "utf8");
    const isClient = client || /^["']use client["']/m.test(source);
    if (seen.get(file) === true || seen.get(file) === isClient) return;
    seen.set(file, isClient);
    if (isClient) for (const n of namespacesOf(source)) found.add(n);
    for (const m of source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      const next = resolveImport(file, m[1]!);
      if (next) visit(next, isClient);
    }
  };
  for (const e of entries) visit(path.join(ROOT, e), false);
  return found;
}

describe("messages sent to the browser", () => {
  it("the public pages' client components read only the namespaces the root layout sends, and each of those is read", () => {
    const used = clientNamespaces(PUBLIC_ENTRIES);
    expect(used.size).toBeGreaterThan(5);
    expect([...used].sort()).toEqual([...PUBLIC_CLIENT_NAMESPACES].sort());
  });

  it("every other area hands its client components the whole catalogue", () => {
    const areas = readdirSync(path.join(ROOT, "app"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith("_") && d.name !== "api" && !PUBLIC_SEGMENTS.has(d.name))
      .map((d) => d.name);
    expect(areas.length).toBeGreaterThan(8);
    for (const area of areas) {
      const layout = path.join(ROOT, "app", area, "layout.tsx");
      expect(existsSync(layout) && readFileSync(layout, "utf8").includes("<AllClientMessages>"), `app/${area}/layout.tsx wraps its pages in <AllClientMessages>`).toBe(true);
    }
  });
});
