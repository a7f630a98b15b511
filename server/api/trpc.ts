// tRPC setup: context (db + clock), the error formatter (zod field errors for forms) and the one place where
// typed service errors become tRPC codes.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "@/db/client";
import { InvalidAsOfError, resolveAsOf, type AsOf } from "@/server/domain/as-of";
import { ServiceError } from "@/server/services/errors";

export type Context = {
  db: Db;
  /** The clock: domain logic never reads the wall clock, it gets `now` from here. */
  now: () => Date;
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Internal errors are logged where they happen (route onError); the client gets no SQL or stack.
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? "Internal error; it has been logged." : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

export function toTRPCError(error: unknown): unknown {
  if (error instanceof TRPCError) return error;
  if (error instanceof InvalidAsOfError) return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  if (error instanceof ServiceError) return new TRPCError({ code: error.code, message: error.message, cause: error });
  return error;
}

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  // Errors thrown by resolvers arrive wrapped as INTERNAL_SERVER_ERROR; map their typed cause. Input validation
  // errors already carry their code (BAD_REQUEST with the ZodError as cause) and pass through unchanged.
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && result.error.cause) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

/** Every read takes an optional `asOf` (YYYY-MM-DD, end of that day in Seoul; or an ISO instant). */
export const asOfInput = z.object({
  asOf: z.string().max(40).optional(),
});

export function asOfFrom(ctx: Context, input: { asOf?: string }): AsOf {
  return resolveAsOf(input.asOf, ctx.now());
}
