// Admin procedures: thin — validate input, call a users service. All admin-only.
import { z } from "zod";
import { USER_ROLES } from "@/server/core/constants";
import { text } from "@/server/core/schemas";
import { ServiceError } from "@/server/core/errors";
import { createUser, deactivateUser, listUsers, reactivateUser, setUserRole } from "./users";
import { adminProcedure, createTRPCRouter } from "@/server/core/trpc";

// Ids are better-auth's random strings (or test ids): letters, digits, "-" and "_".
const userId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a user id");

export const inviteInput = z.object({
  email: z.email("must be an email address").max(254),
  name: text(120).optional(),
  role: z.enum(USER_ROLES),
});

const usersRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  /** Creates the account with a generated one-time password, returned once (only its hash is kept). */
  invite: adminProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    const { user, password } = await createUser(ctx.db, input);
    return { user, oneTimePassword: password };
  }),
  setRole: adminProcedure
    .input(z.object({ userId, role: z.enum(USER_ROLES) }))
    .mutation(({ ctx, input }) => setUserRole(ctx.db, input.userId, input.role)),
  deactivate: adminProcedure
    .input(z.object({ userId, reason: text(500).optional() }))
    .mutation(({ ctx, input }) => {
      if (input.userId === ctx.user.id) {
        throw new ServiceError("You cannot deactivate your own account", "BAD_REQUEST", "userId");
      }
      return deactivateUser(ctx.db, input.userId, input.reason);
    }),
  reactivate: adminProcedure.input(z.object({ userId })).mutation(({ ctx, input }) => reactivateUser(ctx.db, input.userId)),
});

export const adminRouter = createTRPCRouter({ users: usersRouter });
