// Product procedures: search, one line's page data, its duty at an instant. Thin — validate, resolve asOf, call a service.
import { asOfFrom, createTRPCRouter, readProcedure } from "@/server/core/trpc";
import { NotFoundError } from "@/server/core/errors";
import { findProduct, productPage, searchProducts } from "./catalog";
import { productDuty } from "./duty";
import { productInput, productSearchInput } from "./schemas";

export const productsRouter = createTRPCRouter({
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
