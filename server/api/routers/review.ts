// Review queue: proposals from articles, accept / edit / reject (helper C) — in progress.
import { createTRPCRouter } from "../trpc";

export const reviewRouter = createTRPCRouter({});
