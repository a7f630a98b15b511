// A cheap fingerprint of "what the dashboard shows" and of "the screens' own settings", read in one statement so
// that any process (another web instance, the worker, a CLI) changing either is noticed by polling — the same on
// PGlite and PostgreSQL, no LISTEN/NOTIFY needed.
//
// data:    the latest audited edit (every change made through the app is audited; screen edits excluded), the
//          latest observation (closes imported without an edit), events, seed runs.
// screens: the latest screen change (config, reload request, device revoked — each bumps screens.updated_at) and
//          reload requests.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export type DataVersions = { data: string; screens: string };

export async function readDataVersions(db: Db): Promise<DataVersions> {
  const result = (await db.execute(sql`
    select
      (select coalesce(max(id), 0) from audit_log where record_type <> 'screen')::text as audit,
      (select max(known_at) from observations)::text as observations,
      (select max(recorded_at) from events)::text as events,
      (select max(applied_at) from seed_runs)::text as seed,
      (select max(updated_at) from screens)::text as screens,
      (select max(reload_requested_at) from screens)::text as reload
  `)) as unknown as { rows: Record<string, string | null>[] };
  const r = result.rows[0] ?? {};
  return {
    data: [r.audit, r.observations, r.events, r.seed].map((v) => v ?? "-").join("|"),
    screens: [r.screens, r.reload].map((v) => v ?? "-").join("|"),
  };
}
