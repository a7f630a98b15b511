// REST handlers bound to the process database and the real clock.
import { getSessionUser } from "@/server/auth";
import { getDatabase } from "@/server/db";
import { createRestHandlers } from "./v1";

export const rest = createRestHandlers({ database: getDatabase, now: () => new Date(), user: getSessionUser });
