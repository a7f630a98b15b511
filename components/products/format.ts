// HTS codes as people write them: 8708291500 → 8708.29.15.00 (a prefix keeps its own groups: 870829 → 8708.29).
export function dottedHts(code: string): string {
  const groups = [code.slice(0, 4), code.slice(4, 6), code.slice(6, 8), code.slice(8, 10)].filter(Boolean);
  return groups.join(".");
}
