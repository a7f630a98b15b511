// Inputs of the admin's user procedures.
import { z } from "zod";
import { USER_ROLES } from "@/server/core/constants";
import { limitUpTo, offset, text } from "@/server/core/schemas";

/** Ids are better-auth's random strings (or test ids): letters, digits, "-" and "_". */
export const userId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a user id");

export const inviteInput = z.object({
  email: z.email("must be an email address").max(254),
  name: text(120).optional(),
  role: z.enum(USER_ROLES),
});
export const setRoleInput = z.object({ userId, role: z.enum(USER_ROLES) });
export const deactivateInput = z.object({ userId, reason: text(500).optional() });
export const userIdInput = z.object({ userId });

/** `admin.users.list`: accounts per page (limit + offset; an organisation's accounts are few by nature). */
export const MAX_USERS_PAGE = 500;
export const usersPageInput = z
  .object({ offset: offset.default(0), limit: limitUpTo(MAX_USERS_PAGE).default(MAX_USERS_PAGE) })
  .default({ offset: 0, limit: MAX_USERS_PAGE });
