// Articles: ingest by paste, upload or URL; list and read stored articles (helper B) — in progress.
import { createTRPCRouter } from "../trpc";

export const articlesRouter = createTRPCRouter({});
