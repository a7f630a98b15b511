// `npm run db:image`: makes the seeded database image a new embedded database starts from (db/image.ts), unless the
// current one exists. `npm start` and `npm run build` run it; it is never committed (node_modules/.cache).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildDatabaseImage } from "@/db/image";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const info = await buildDatabaseImage(root);
console.log(
  info.built
    ? `[tradewatch] made the seeded database image ${info.key} in ${(info.ms / 1000).toFixed(1)} s (${path.relative(root, info.dir)})`
    : `[tradewatch] the seeded database image ${info.key} is current`,
);
