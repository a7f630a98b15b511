// RSS/Atom feeds: configure, poll now, status (helper D) — in progress.
import { createTRPCRouter } from "../trpc";

export const feedsRouter = createTRPCRouter({});
