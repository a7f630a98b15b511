// One-click unsubscribe (RFC 8058): POST unsubscribes, GET goes to the page with the button (server/rest/unsubscribe.ts).
import { alertsConfigFromEnv } from "@/server/core/config";
import { getDb } from "@/server/core/db";
import { createUnsubscribeHandlers } from "@/server/rest/unsubscribe";

export const dynamic = "force-dynamic";

const handlers = createUnsubscribeHandlers({ db: getDb, config: alertsConfigFromEnv, now: () => new Date() });

export const POST = handlers.POST;
export const GET = handlers.GET;
