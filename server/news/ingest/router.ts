// Articles: ingest by paste or URL (uploads go through app/api/articles/upload, multipart), list and read stored
// articles. Thin: validate, call the ingestion service, map errors (server/core/trpc.ts).
import { getArticle, listArticles } from "./articles";
import { ingestFromUrl, ingestPaste } from "./ingest";
import { articleIdInput, listArticlesInput, pasteArticleInput, urlArticleInput } from "./schemas";
import { createTRPCRouter, editorProcedure } from "@/server/core/trpc";

export const articlesRouter = createTRPCRouter({
  ingestText: editorProcedure
    .input(pasteArticleInput)
    .mutation(({ ctx, input }) => ingestPaste(ctx.db, input, { now: ctx.now(), userId: ctx.user.id })),
  ingestUrl: editorProcedure.input(urlArticleInput).mutation(({ ctx, input }) =>
    ingestFromUrl(ctx.db, { url: input.url, origin: "url" }, {
      now: ctx.now(),
      userId: ctx.user.id,
      policy: ctx.config.ingest.fetch,
    }),
  ),
  list: editorProcedure.input(listArticlesInput).query(({ ctx, input }) => listArticles(ctx.db, input.limit)),
  get: editorProcedure.input(articleIdInput).query(({ ctx, input }) => getArticle(ctx.db, input.id)),
});
