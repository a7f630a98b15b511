// Admin procedures: thin — validate input, call a users service. All admin-only.
import { actorFrom } from "@/server/core/actor";
import { adminProcedure, createTRPCRouter } from "@/server/core/trpc";
import { deactivateInput, inviteInput, setRoleInput, userIdInput, usersPageInput } from "./schemas";
import { createUser, deactivateUser, listUsers, reactivateUser, setUserRole } from "./users";

const usersRouter = createTRPCRouter({
  /** A page of the accounts by email (limit ≤ MAX_USERS_PAGE, offset). */
  list: adminProcedure.input(usersPageInput).query(({ ctx, input }) => listUsers(ctx.db, input)),
  /** Creates the account with a generated one-time password, returned once (only its hash is kept). */
  invite: adminProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    const { user, password } = await createUser(ctx.db, input, ctx.now());
    return { user, oneTimePassword: password };
  }),
  setRole: adminProcedure.input(setRoleInput).mutation(({ ctx, input }) => setUserRole(ctx.db, input.userId, input.role, ctx.now())),
  deactivate: adminProcedure.input(deactivateInput).mutation(({ ctx, input }) => deactivateUser(ctx.db, input, actorFrom(ctx))),
  reactivate: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => reactivateUser(ctx.db, input.userId, ctx.now())),
});

export const adminRouter = createTRPCRouter({ users: usersRouter });
