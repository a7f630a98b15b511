// tRPC setup: context (db + clock), the error formatter (zod field errors for forms) and the one place where
// typed service errors become tRPC codes.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "@/db/client";
import { appConfigFromEnv, type AppConfig } from "./config";
import type { JobDefinition } from "./jobs";
import { hasRole, type SessionUser } from "./session-user";
import type { ReadAccess, UserRole } from "./constants";
import { env } from "./env.js";
import { InvalidAsOfError, resolveAsOf, type AsOf } from "./as-of";
import { RowErrorsError, ServiceError } from "./errors";
import { asOfInput } from "./schemas";

export type Context = {
  db: Db;
  /** The clock: domain logic never reads the wall clock, it gets `now` from here. */
  now: () => Date;
  /** The signed-in user (from the session cookie), or none. */
  user?: SessionUser | null;
  /** Who may read; READ_ACCESS unless a test says otherwise. */
  readAccess?: ReadAccess;
  /** The process's configuration (server/core/config.ts) unless a test injects its own; procedures read ctx.config. */
  config?: AppConfig;
  /** The scheduled jobs, for the admin's job table (jobs/load.ts, injected by the route handler and pages). */
  jobs?: () => Promise<readonly JobDefinition[]>;
  /** The caller's address (HTTP requests only), for per-address limits such as the subscribe form's. */
  clientIp?: string | null;
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
        // Typed service errors name the input field; a batch names every bad row.
        field: error.cause instanceof ServiceError ? (error.cause.field ?? null) : null,
        rowErrors: error.cause instanceof RowErrorsError ? error.cause.report : null,
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
/** Every procedure sees the configuration as `ctx.config`: the injected one, else the process's (made once, lazily). */
const withConfig = t.middleware(({ ctx, next }) => next({ ctx: { config: ctx.config ?? appConfigFromEnv() } }));

export const publicProcedure = t.procedure.use(mapErrors).use(withConfig);

function requireRole(role: UserRole) {
  // Registered before .input(), so an unauthorised call is refused before its input is even looked at.
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
    if (!hasRole(ctx.user, role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${role} role; you are ${ctx.user.role}.` });
    }
    return next({ ctx: { user: ctx.user } });
  });
}

/** Reads: open to anyone, or only to signed-in users when READ_ACCESS=signed-in. */
export const readProcedure = publicProcedure.use(({ ctx, next }) => {
  if ((ctx.readAccess ?? env.READ_ACCESS) === "signed-in" && !ctx.user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to read this dashboard." });
  }
  return next();
});
/** Any signed-in user. */
export const protectedProcedure = publicProcedure.use(requireRole("viewer"));
/** Editors and admins: every change to the data. */
export const editorProcedure = publicProcedure.use(requireRole("editor"));
/** Admins only: users and roles. */
export const adminProcedure = publicProcedure.use(requireRole("admin"));

export { asOfInput };

export function asOfFrom(ctx: Context, input: { asOf?: string }): AsOf {
  return resolveAsOf(input.asOf, ctx.now());
}
