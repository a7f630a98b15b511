// One colour per sector, the same in every chart (plain module: server and client components both import it).
export const SECTOR_COLORS: Record<string, string> = {
  all_goods: "#2563eb",
  autos: "#dc2626",
  auto_parts: "#ea580c",
  steel_aluminium: "#7c3aed",
  copper: "#b45309",
  semiconductors: "#059669",
  pharmaceuticals: "#db2777",
  lumber: "#4d7c0f",
};
