// GET /api/health — 200 when the database answers, else 503; open to all (load balancers and monitors cannot sign in).
import { checkHealth } from "@/server/core/db";
import { handle, json } from "./http";
import type { RestContext } from "./context";

export function createHealthHandler({ deps }: RestContext) {
  return handle(async () => {
    const h = await checkHealth(await deps.database());
    return json(h, h.ok ? 200 : 503);
  });
}
