// REST handlers bound to the process database and the real clock.
import { getSessionUser } from "@/server/users/auth";
import { getDatabase } from "@/server/core/db";
import { createCalendarFeedHandler } from "./ics";
import type { RestDeps } from "./context";
import { createRestHandlers } from "./v1";

const deps: RestDeps = { database: getDatabase, now: () => new Date(), user: getSessionUser };
export const rest = { ...createRestHandlers(deps), deadlinesIcs: createCalendarFeedHandler(deps) };
