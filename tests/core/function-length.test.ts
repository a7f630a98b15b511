// Functions stay short (STYLE.md rule 12: ~80 lines) in every source folder — pages and components included —
// measured on the source with the TypeScript parser: a function's lines from its first token to its last.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const DIRS = ["app", "components", "server", "db", "scripts", "bench", "jobs", "lib", "i18n"];
const MAX_LINES = 80;

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return walk(rel);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [rel] : [];
  });
}

/** `file:line name (n lines)` for each function longer than MAX_LINES. */
function longFunctions(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const long: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const parent = node.parent as ts.Node & { name?: ts.Node };
      const name = node.name?.getText(source) ?? parent?.name?.getText(source) ?? "(anonymous)";
      if (last - first + 1 > MAX_LINES) long.push(`${file}:${first + 1} ${name} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}

describe("function length", () => {
  it(`no function in ${DIRS.join("/, ")}/ is over ${MAX_LINES} lines`, () => {
    const files = DIRS.flatMap(walk);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(longFunctions)).toEqual([]);
  });
});
