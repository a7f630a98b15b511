// Product procedures: search, one line's page data, its duty at an instant. Thin — validate, resolve asOf, call a service.
import { asOfFrom, createTRPCRouter, protectedProcedure, readProcedure } from "@/server/core/trpc";
import { NotFoundError } from "@/server/core/errors";
import { findProduct, productPage, searchProducts } from "./catalog";
import { productDuty } from "./duty";
import { productInput, productSearchInput, watchlistInput, watchlistKeyInput, watchlistUpdateInput } from "./schemas";
import { createWatchlist, deleteWatchlist, listWatchlists, updateWatchlist, watchlistView } from "./watchlists";

/** Watchlists: signed-in users only (their own and the team's); every write checks who may change the list. */
const watchlistsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listWatchlists(ctx.db, ctx.user)),
  get: protectedProcedure.input(watchlistKeyInput).query(({ ctx, input }) => watchlistView(ctx.db, input.key, ctx.now(), ctx.user)),
  create: protectedProcedure.input(watchlistInput).mutation(async ({ ctx, input }) => {
    const w = await createWatchlist(ctx.db, ctx.user, input, ctx.now());
    return { key: w.key };
  }),
  update: protectedProcedure.input(watchlistUpdateInput).mutation(async ({ ctx, input }) => {
    const w = await updateWatchlist(ctx.db, ctx.user, input, ctx.now());
    return { key: w.key };
  }),
  delete: protectedProcedure.input(watchlistKeyInput).mutation(async ({ ctx, input }) => {
    await deleteWatchlist(ctx.db, ctx.user, input.key);
    return { deleted: true };
  }),
});

export const productsRouter = createTRPCRouter({
  watchlists: watchlistsRouter,
  search: readProcedure.input(productSearchInput).query(({ ctx, input }) => searchProducts(ctx.db, input.q, input.limit)),
  get: readProcedure.input(productInput).query(async ({ ctx, input }) => {
    const page = await productPage(ctx.db, input.hts, asOfFrom(ctx, input).at, ctx.now());
    if (!page) throw new NotFoundError(`HTS line ${input.hts}`);
    return page;
  }),
  duty: readProcedure.input(productInput).query(async ({ ctx, input }) => {
    const product = await findProduct(ctx.db, input.hts);
    if (!product) throw new NotFoundError(`HTS line ${input.hts}`);
    return { description: product.description, ...(await productDuty(ctx.db, input.hts, asOfFrom(ctx, input).at)) };
  }),
});
