// The signed-in user of the page being rendered, looked up once per request however many server components ask
// (layout nav, account menu, the page itself).
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getSessionUser } from "./index";

export const getRequestUser = cache(async () => getSessionUser(await headers()).catch(() => null));
