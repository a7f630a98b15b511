import { openDatabase } from "../db/client";
import { loadSynthetic, tableCounts } from "./synthetic";
const d = await openDatabase({ memory: true });
await d.migrate();
const r = await loadSynthetic(d.db);
console.log(r);
console.log(await tableCounts(d.db));
await d.close();
